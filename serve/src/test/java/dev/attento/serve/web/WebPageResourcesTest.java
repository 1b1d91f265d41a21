package dev.attento.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.serve.FakeEngine;
import dev.attento.serve.Http;
import dev.attento.serve.TranslationServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's files are served with their types and load nothing from another host. */
class WebPageResourcesTest {

  private static final Pattern ELSEWHERE = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/", Pattern.CASE_INSENSITIVE);

  @Test
  void pageScriptAndStylesAreServedAndSelfContained() {
    try (TranslationServer server = TranslationServer.start(List.of(new FakeEngine("m")), 0)) {
      Http http = new Http(server.uri());
      for (String[] file : new String[][] {{"/", "text/html"}, {"/app.js", "text/javascript"}, {"/app.css", "text/css"}}) {
        HttpResponse<String> r = http.get(file[0]);
        assertEquals(200, r.statusCode(), file[0]);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(file[1]), file[0]);
        assertFalse(ELSEWHERE.matcher(r.body().replace("http://www.w3.org/2000/svg", "")).find(),
            file[0] + " refers to another host");
      }
      assertTrue(http.get("/").body().contains("<script src=\"/app.js\">"));
      int traversal = http.get("/app.js/../../pom.xml").statusCode();
      assertTrue(traversal == 400 || traversal == 404, "a path with .. is refused, got " + traversal);
      assertEquals(404, http.get("/dev/attento/serve/web/index.html").statusCode(), "only the three fixed paths");
    }
  }
}

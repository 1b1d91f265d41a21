package dev.attento.serve.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attento.serve.FakeEngine;
import dev.attento.serve.Http;
import dev.attento.serve.TranslationServer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the routes the server registers. */
class OpenApiTest {

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
    try (TranslationServer server = TranslationServer.start(List.of(new FakeEngine("m")), 0)) {
      JsonNode doc = new ObjectMapper().readTree(new Http(server.uri()).get("/v1/openapi.json").body());
      assertTrue(doc.get("openapi").asText().startsWith("3."));
      Set<String> registered = new TreeSet<>();
      for (Route r : server.routes()) {
        registered.add(r.method().name().toLowerCase(Locale.ROOT) + " " + r.path());
      }
      Set<String> documented = new TreeSet<>();
      for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
        String path = paths.next();
        doc.get("paths").get(path).fieldNames().forEachRemaining(method -> documented.add(method + " " + path));
      }
      assertEquals(registered, documented);
      JsonNode fields = doc.at("/components/schemas/TranslateRequest/properties");
      Set<String> named = new TreeSet<>();
      fields.fieldNames().forEachRemaining(named::add);
      assertEquals(new TreeSet<>(RequestParser.FIELDS), named, "the request schema lists the parser's fields");
    }
  }
}

package dev.attento.serve.web;

import dev.attento.serve.api.Api;
import dev.attento.serve.api.Route;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The web page: three files read from the class path once, at start-up, and served from
 * memory under fixed paths (nothing in a request names a file). The page needs nothing from
 * the network but this server.
 */
public final class WebPage {

  private static final String BASE = "/dev/attento/serve/web/";

  private WebPage() {}

  /** The page's routes: {@code /}, {@code /app.js}, {@code /app.css}. */
  public static List<Route> routes() {
    return List.of(
        file("/", "index.html", "text/html; charset=utf-8"),
        file("/app.js", "app.js", "text/javascript; charset=utf-8"),
        file("/app.css", "app.css", "text/css; charset=utf-8"));
  }

  private static Route file(String path, String name, String contentType) {
    byte[] content = Api.resource(BASE + name);
    return new Route(HandlerType.GET, path, ctx -> ctx.contentType(contentType)
        .header("Cache-Control", "no-cache")
        .result(content));
  }
}

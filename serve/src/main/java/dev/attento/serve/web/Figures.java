package dev.attento.serve.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.attento.serve.api.ApiException;
import dev.attento.serve.api.Route;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures' routes: {@code GET /v1/figures} lists them, {@code GET /v1/figures/{name}} serves one. */
public final class Figures {

  private Figures() {}

  /** Routes serving {@code figures} from memory (an empty list is served as an empty list). */
  public static List<Route> routes(List<Figure> figures) {
    Map<String, Figure> byName = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    ArrayNode list = json.createArrayNode();
    for (Figure f : figures) {
      if (byName.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("two figures are named " + f.name());
      }
      list.addObject().put("name", f.name()).put("title", f.title()).put("url", "/v1/figures/" + f.name());
    }
    String listing = json.createObjectNode().set("figures", list).toString();
    return List.of(
        new Route(HandlerType.GET, "/v1/figures", ctx -> ctx.contentType("application/json").result(listing)),
        new Route(HandlerType.GET, "/v1/figures/{name}", ctx -> {
          Figure f = byName.get(ctx.pathParam("name"));
          if (f == null) {
            throw new ApiException(404, "no figure named '" + cut(ctx.pathParam("name")) + "' (GET /v1/figures lists them)",
                null);
          }
          ctx.contentType("image/png").header("Cache-Control", "no-cache").result(f.png());
        }));
  }

  private static String cut(String s) {
    String printable = s.replaceAll("[^A-Za-z0-9._-]", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }
}

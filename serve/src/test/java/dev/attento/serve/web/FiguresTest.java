package dev.attento.serve.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.serve.FakeEngine;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures are listed, served from memory by name, and unknown names are a JSON 404. */
class FiguresTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

  @Test
  void aFigureIsListedAndServedByNameOnly() throws Exception {
    Figure chart = new Figure("quality-by-length", "BLEU by source length", PNG);
    try (TranslationServer server = TranslationServer.start(List.of(new FakeEngine("m")), "127.0.0.1", 0,
        ServerLimits.defaults(), List.of(chart))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(server.uri().resolve("/v1/figures")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, list.statusCode());
      assertEquals("{\"figures\":[{\"name\":\"quality-by-length\",\"title\":\"BLEU by source length\","
          + "\"url\":\"/v1/figures/quality-by-length\"}]}", list.body());
      HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(server.uri().resolve("/v1/figures/quality-by-length"))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
      assertArrayEquals(PNG, png.body());
      for (String path : List.of("/v1/figures/nope", "/v1/figures/..%2F..%2Fetc%2Fpasswd")) {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.uri() + path.substring(1)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), path);
        assertTrue(missing.body().startsWith("{"), missing.body());
      }
    }
  }

  @Test
  void withoutFiguresTheListIsEmptyAndBadNamesAreRefused() throws Exception {
    try (TranslationServer server = TranslationServer.start(List.of(new FakeEngine("m")), 0)) {
      HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          server.uri().resolve("/v1/figures")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("{\"figures\":[]}", list.body());
    }
    assertThrows(IllegalArgumentException.class, () -> new Figure("../x", "t", PNG));
  }
}

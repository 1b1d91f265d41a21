package dev.attento.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A full queue (503 with Retry-After), a request timeout (504) and a graceful stop, over HTTP. */
class OverloadAndShutdownTest {

  private static final String REQUEST = "{\"text\": \"one two\"}";

  @Test
  void aFullQueueAnswers503WithRetryAfter() {
    FakeEngine engine = new FakeEngine("m");
    engine.hold();
    try (TranslationServer server = TranslationServer.start(List.of(engine), "127.0.0.1", 0,
        ServerLimits.defaults().withQueueCapacity(2).withBatchWindowMs(0))) {
      Http http = new Http(server.uri());
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> http.post("/v1/translate",
          "{\"text\": \"held\"}"));
      Eventually.await("the first request is decoding", engine::batchWaiting);
      CompletableFuture<HttpResponse<String>> queued = CompletableFuture.supplyAsync(() -> http.post("/v1/translate",
          "{\"texts\": [\"a\", \"b\"]}"));
      Eventually.await("two sentences are queued", () -> server.queueLength("m") == 2);
      HttpResponse<String> rejected = http.post("/v1/translate", REQUEST);
      assertEquals(503, rejected.statusCode(), rejected.body());
      assertEquals("1", rejected.headers().firstValue("Retry-After").orElse(""));
      assertTrue(rejected.body().contains("queue of model m is full"), rejected.body());
      engine.open();
      assertEquals(200, first.join().statusCode());
      assertEquals(200, queued.join().statusCode());
      assertTrue(http.get("/metrics").body().contains("attento_requests_total{route=\"/v1/translate\",status=\"503\"} 1"));
    }
  }

  @Test
  void aRequestThatWaitsTooLongGets504AndItsSentencesAreWithdrawn() {
    FakeEngine engine = new FakeEngine("m");
    engine.hold();
    try (TranslationServer server = TranslationServer.start(List.of(engine), "127.0.0.1", 0,
        ServerLimits.defaults().withBatchWindowMs(0).withRequestTimeout(Duration.ofMillis(200)))) {
      Http http = new Http(server.uri());
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> http.post("/v1/translate",
          "{\"text\": \"held\"}"));
      Eventually.await("the first request is decoding", engine::batchWaiting);
      HttpResponse<String> late = http.post("/v1/translate", REQUEST);
      assertEquals(504, late.statusCode(), late.body());
      assertTrue(late.body().contains("requestTimeout"), late.body());
      assertEquals(0, server.queueLength("m"));
      engine.open();
      assertEquals(504, first.join().statusCode(), "the held request timed out too");
      assertEquals(List.of(1), engine.batchSizes(), "withdrawn sentences are never decoded");
    }
  }

  @Test
  void stoppingFinishesInFlightRequestsAndThenRefusesConnections() {
    FakeEngine engine = new FakeEngine("m");
    engine.hold();
    TranslationServer server = TranslationServer.start(List.of(engine), "127.0.0.1", 0,
        ServerLimits.defaults().withBatchWindowMs(0));
    Http http = new Http(server.uri());
    CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> http.post("/v1/translate",
        "{\"text\": \"in flight\"}"));
    Eventually.await("the request is decoding", engine::batchWaiting);
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(20)));
    Eventually.await("the server is not ready", () -> http.get("/v1/ready").statusCode() == 503);
    HttpResponse<String> refused = http.post("/v1/translate", REQUEST);
    assertEquals(503, refused.statusCode(), refused.body());
    engine.open();
    HttpResponse<String> answered = inFlight.join();
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("\"text\":\"flight in\""), answered.body());
    stopping.join();
    assertThrows(UncheckedIOException.class, () -> http.get("/v1/health"));
  }
}

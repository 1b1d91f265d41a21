package dev.attento.serve.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attento.serve.FakeEngine;
import dev.attento.serve.Http;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API over HTTP: answers, errors with the field at fault, and the plain routes. */
class TranslateApiTest {

  private final ObjectMapper json = new ObjectMapper();
  private TranslationServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = TranslationServer.start(List.of(new FakeEngine("rev"), new FakeEngine("other")), "127.0.0.1", 0,
        ServerLimits.defaults());
    http = new Http(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return json.readTree(r.body());
  }

  @Test
  void translatesOneTextWithAttention() throws Exception {
    JsonNode body = ok(http.post("/v1/translate", "{\"model\": \"rev\", \"text\": \"the black cat\", \"attention\": true}"));
    assertEquals("rev", body.get("model").asText());
    JsonNode result = body.get("results").get(0);
    assertEquals("the black cat", result.get("source").asText());
    assertEquals("[\"the\",\"black\",\"cat\"]", result.get("sourceTokens").toString());
    JsonNode best = result.get("translations").get(0);
    assertEquals("cat black the", best.get("text").asText());
    assertEquals("[\"cat\",\"black\",\"the\"]", best.get("tokens").toString());
    JsonNode attention = best.get("attention");
    assertEquals(3, attention.size(), "one row per target token");
    assertEquals(3, attention.get(0).size(), "one weight per source token");
    assertEquals(FakeEngine.ALIGNED, attention.get(0).get(2).asDouble(), 1e-12);
    assertTrue(body.get("elapsedMs").asDouble() >= 0);
  }

  @Test
  void translatesAListWithNbestAndOmitsAttentionUnlessAsked() throws Exception {
    JsonNode body = ok(http.post("/v1/translate",
        "{\"model\": \"other\", \"texts\": [\"a b\", \"c\"], \"beam\": 3, \"nbest\": 2, \"lengthPenalty\": 0.6}"));
    JsonNode results = body.get("results");
    assertEquals(2, results.size());
    assertEquals("b a", results.get(0).get("translations").get(0).get("text").asText());
    assertEquals("b a !", results.get(0).get("translations").get(1).get("text").asText());
    assertEquals("c", results.get(1).get("translations").get(0).get("text").asText());
    assertFalse(results.get(0).get("translations").get(0).has("attention"));
  }

  @Test
  void theModelMayBeOmittedWhenOnlyOneIsServed() throws Exception {
    try (TranslationServer one = TranslationServer.start(List.of(new FakeEngine("solo")), 0)) {
      JsonNode body = ok(new Http(one.uri()).post("/v1/translate", "{\"text\": \"x y\"}"));
      assertEquals("solo", body.get("model").asText());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"model\": \"rev\", \"text\": \"a\", \"beam\": 17}|beam|maxBeam",
      "{\"model\": \"rev\", \"text\": \"a\", \"beam\": 0}|beam|maxBeam",
      "{\"model\": \"rev\", \"text\": \"a\", \"beam\": 2.5}|beam|maxBeam",
      "{\"model\": \"rev\", \"text\": \"a\", \"beam\": \"4\"}|beam|maxBeam",
      "{\"model\": \"rev\", \"text\": \"a\", \"beam\": 2, \"nbest\": 3}|nbest|beam",
      "{\"model\": \"rev\", \"text\": \"a\", \"maxLength\": 100000}|maxLength|maxLength",
      "{\"model\": \"rev\", \"text\": \"a\", \"lengthPenalty\": -1}|lengthPenalty|0 to 10",
      "{\"model\": \"rev\", \"text\": \"a\", \"attention\": 1}|attention|true or false",
      "{\"model\": \"rev\", \"text\": \"a\", \"noRepeatNgram\": 11}|noRepeatNgram|0 to 10",
      "{\"model\": \"rev\", \"text\": \"a\", \"noRepeatNgram\": -1}|noRepeatNgram|0 to 10",
      "{\"model\": \"rev\", \"text\": \"a\", \"coveragePenalty\": \"0.2\"}|coveragePenalty|0 to 10",
      "{\"model\": \"rev\", \"text\": \"a\", \"coveragePenalty\": 1e9}|coveragePenalty|0 to 10",
      "{\"model\": \"rev\", \"text\": \"a\", \"bean\": 4}|bean|unknown field",
      "{\"model\": \"rev\", \"text\": 7}|text|must be a string",
      "{\"model\": \"rev\", \"text\": \"  \"}|text|empty",
      "{\"model\": \"rev\", \"texts\": []}|texts|maxSentencesPerRequest",
      "{\"model\": \"rev\", \"texts\": [\"a\", null]}|texts[1]|must be a string",
      "{\"model\": \"rev\", \"text\": \"a\", \"texts\": [\"a\"]}|texts|exactly one",
      "{\"model\": \"rev\"}|text|exactly one",
      "{\"model\": 3, \"text\": \"a\"}|model|must be a string",
      "{\"text\": \"a\"}|model|required",
  })
  void invalidFieldsAre400NamingTheFieldAndLimit(String body, String field, String mentioned) throws Exception {
    HttpResponse<String> r = http.post("/v1/translate", body);
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = json.readTree(r.body()).get("error");
    assertEquals(field, error.get("field").asText());
    assertTrue(error.get("message").asText().contains(mentioned), error.get("message").asText());
  }

  @Test
  void limitsOnSentencesAreNamed() throws Exception {
    String longSentence = "x".repeat(1001);
    HttpResponse<String> r = http.post("/v1/translate", "{\"model\": \"rev\", \"text\": \"" + longSentence + "\"}");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("maxSentenceChars"), r.body());
    String many = "[" + "\"a\",".repeat(64) + "\"a\"]";
    r = http.post("/v1/translate", "{\"model\": \"rev\", \"texts\": " + many + "}");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("maxSentencesPerRequest"), r.body());
  }

  @Test
  void invalidJsonIs400AndTooLargeIs413() throws Exception {
    HttpResponse<String> r = http.post("/v1/translate", "{\"model\": ");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json.readTree(r.body()).get("error").get("message").asText().startsWith("request body is not valid JSON"));
    assertEquals(400, http.post("/v1/translate", "[1, 2]").statusCode());
    assertEquals(400, http.post("/v1/translate", "{\"text\": \"a\", \"text\": \"b\", \"model\": \"rev\"}").statusCode());
    r = http.post("/v1/translate", "{\"model\": \"rev\", \"text\": \"" + "a ".repeat(40_000) + "\"}");
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("maxBodyBytes"), r.body());
  }

  @Test
  void unknownModelsAndRoutesAre404WithJson() throws Exception {
    HttpResponse<String> r = http.post("/v1/translate", "{\"model\": \"../../etc/passwd\", \"text\": \"a\"}");
    assertEquals(404, r.statusCode());
    assertEquals("model", json.readTree(r.body()).get("error").get("field").asText());
    r = http.get("/v2/nothing");
    assertEquals(404, r.statusCode());
    assertTrue(json.readTree(r.body()).get("error").get("message").asText().contains("/v2/nothing"));
    assertEquals(404, http.get("/v1/translate").statusCode(), "GET on a POST route");
  }

  @Test
  void listsModelsAndLimits() throws Exception {
    JsonNode body = ok(http.get("/v1/models"));
    assertEquals(2, body.get("models").size());
    JsonNode rev = body.get("models").get(0);
    assertEquals("rev", rev.get("name").asText());
    assertEquals("lstm", rev.get("cell").asText());
    assertEquals("bahdanau", rev.get("attention").asText());
    assertEquals(40, rev.get("sourceVocabulary").asInt());
    assertEquals(1500, rev.get("trainingSteps").asLong());
    assertEquals(40.25, rev.get("devScores").get("chrf").asDouble());
    assertEquals(16, body.get("limits").get("maxBeam").asInt());
  }

  @Test
  void healthReadinessAndMetrics() throws Exception {
    assertEquals("ok", ok(http.get("/v1/health")).get("status").asText());
    assertEquals("ready", ok(http.get("/v1/ready")).get("status").asText());
    ok(http.post("/v1/translate", "{\"model\": \"rev\", \"texts\": [\"a b\", \"c\"]}"));
    http.post("/v1/translate", "{\"model\": \"rev\", \"beam\": 99, \"text\": \"a\"}");
    HttpResponse<String> r = http.get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String metrics = r.body();
    assertTrue(metrics.contains("attento_requests_total{route=\"/v1/translate\",status=\"200\"} 1"), metrics);
    assertTrue(metrics.contains("attento_requests_total{route=\"/v1/translate\",status=\"400\"} 1"), metrics);
    assertTrue(metrics.contains("attento_sentences_total{model=\"rev\"} 2"), metrics);
    assertTrue(metrics.contains("attento_queue_length{model=\"rev\"} 0"), metrics);
    assertTrue(metrics.contains("attento_batch_size_count{model=\"rev\"} 1"), metrics);
    assertTrue(metrics.contains("attento_translate_latency_seconds_count 1"), metrics);
    assertTrue(metrics.contains("attento_translate_latency_recent_seconds{quantile=\"0.99\"}"), metrics);
  }
}

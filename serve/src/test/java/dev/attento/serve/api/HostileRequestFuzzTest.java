package dev.attento.serve.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attento.serve.FakeEngine;
import dev.attento.serve.Http;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import dev.attento.testkit.Hostile;
import dev.attento.testkit.Mutations;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Hostile requests: damaged valid requests, random bytes, random JSON documents built from the
 * request's own field names and from extreme values, and random paths. The parser alone must
 * return a request or an {@link ApiException} with a message in bounded time and memory; the
 * server must answer each with a status a client can act on, never a 500, and never hang.
 * (jqwik makes one instance per property, so its tries share one server.)
 */
class HostileRequestFuzzTest {

  private static final byte[] VALID = ("{\"model\": \"m\", \"texts\": [\"the black cat\", \"a dog\"], \"beam\": 3, "
      + "\"nbest\": 2, \"lengthPenalty\": 0.6, \"maxLength\": 40, \"attention\": true}").getBytes(StandardCharsets.UTF_8);
  private static final Set<Integer> ANSWERS = Set.of(200, 400, 404, 413);
  private static final ServerLimits LIMITS = ServerLimits.defaults();

  private final ObjectMapper json = new ObjectMapper();
  private TranslationServer server;
  private Http http;

  @BeforeProperty
  void start() {
    server = TranslationServer.start(List.of(new FakeEngine("m"), new FakeEngine("n")), "127.0.0.1", 0, LIMITS);
    http = new Http(server.uri());
  }

  @AfterProperty
  void stop() {
    server.close();
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return Mutations.of(VALID, "{", "}", "[", "]", "\"", ",", ":", "null", "-1", "0", "1e999", "-0.0", "2147483648",
        "99999999999999999999", "\"model\"", "\"texts\"", "\"text\"", "\\u0000", "\\ud800", "\uFEFF", "NaN", "true");
  }

  @Provide
  Arbitrary<byte[]> random() {
    return Mutations.randomBytes(512);
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(RequestParser.FIELDS),
        Arbitraries.strings().ofMaxLength(12));
    return value(3).flatMap(v -> Arbitraries.maps(names, value(3)).ofMaxSize(8).map(m -> {
      com.fasterxml.jackson.databind.node.ObjectNode o = json.createObjectNode();
      m.forEach(o::set);
      return o.toString();
    }));
  }

  /** A JSON value up to {@code depth} deep, rich in the values that break range checks. */
  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
        Arbitraries.of(0L, 1L, -1L, 2L, 16L, 17L, 256L, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE)
            .map(v -> (JsonNode) json.getNodeFactory().numberNode(v)),
        Arbitraries.of(0.5, -0.0, 1e-300, 1e300, 2.5, 10.0000001).map(v -> json.getNodeFactory().numberNode(v)),
        Arbitraries.strings().ofMaxLength(40).map(s -> json.getNodeFactory().textNode(s)),
        Arbitraries.of("m", "n", "x", " ", "").map(s -> json.getNodeFactory().textNode(s)),
        Arbitraries.of(true, false).map(b -> json.getNodeFactory().booleanNode(b)),
        Arbitraries.just(json.getNodeFactory().nullNode()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(5).map(l -> {
      com.fasterxml.jackson.databind.node.ArrayNode a = json.createArrayNode();
      l.forEach(a::add);
      return a;
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, array));
  }

  /** The server's answer is one a client can act on, with a JSON body that explains an error. */
  private void answersSensibly(byte[] body) {
    HttpResponse<String> r = assertTimeoutPreemptively(Hostile.TIME_LIMIT, () -> http.post("/v1/translate", body),
        "no answer within " + Hostile.TIME_LIMIT);
    assertTrue(ANSWERS.contains(r.statusCode()), r.statusCode() + ": " + r.body());
    try {
      JsonNode answer = json.readTree(r.body());
      if (r.statusCode() != 200) {
        assertTrue(!answer.at("/error/message").asText().isBlank(), r.body());
      } else {
        assertNotNull(answer.get("results"), r.body());
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** The parser alone, under the testkit's time and allocation limits. */
  private static void parsesOrFailsClearly(byte[] body) {
    RequestParser parser = new RequestParser(LIMITS, Set.of("m", "n"));
    Hostile.parse(body.length, ApiException.class, () -> parser.parse(body));
  }

  @Property(tries = 200)
  void damagedRequests(@ForAll("damaged") byte[] body) {
    parsesOrFailsClearly(body);
    answersSensibly(body);
  }

  @Property(tries = 100)
  void randomBytes(@ForAll("random") byte[] body) {
    parsesOrFailsClearly(body);
    answersSensibly(body);
  }

  @Property(tries = 200)
  void randomDocuments(@ForAll("documents") String document) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    parsesOrFailsClearly(body);
    answersSensibly(body);
  }

  @Property(tries = 100)
  void randomPathsAreNeverServerErrors(@ForAll("paths") String path) {
    HttpResponse<String> r = assertTimeoutPreemptively(Hostile.TIME_LIMIT, () -> http.get(path));
    assertTrue(r.statusCode() < 500, r.statusCode() + " for " + path + ": " + r.body());
  }

  @Provide
  Arbitrary<String> paths() {
    // an empty first segment would make "//authority"; an empty segment elsewhere is a fair test
    return Arbitraries.strings().ofMaxLength(60).list().ofMinSize(1).ofMaxSize(4).map(segments -> "/v1/" + segments
        .stream().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/")));
  }

  @Example
  void deepNestingHugeNumbersAndLongStringsAreClearErrors() {
    for (String body : List.of(
        "{\"text\": " + "[".repeat(50_000) + "}",
        "{\"text\": \"a\", \"beam\": 1" + "0".repeat(5000) + "}",
        "{\"text\": \"a\", \"lengthPenalty\": 1e99999}",
        "{\"text\": \"" + "\\u00e9".repeat(5000) + "\"}",
        "{\"text\": \"\\ud800\"}",
        "\"just a string\"", "null", "", "{}")) {
      parsesOrFailsClearly(body.getBytes(StandardCharsets.UTF_8));
      answersSensibly(body.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(200, http.post("/v1/translate", VALID).statusCode());
  }
}

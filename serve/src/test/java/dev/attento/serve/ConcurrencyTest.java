package dev.attento.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once get exactly the answers they get one at a time, although their
 * sentences are mixed into shared batches and split again.
 */
class ConcurrencyTest {

  private static final int CLIENTS = 24;
  private static final int REQUESTS_PER_CLIENT = 12;

  private final ObjectMapper json = new ObjectMapper();

  /** A request of client c, number i: sentences and options vary, so batches mix and separate. */
  private static String request(int c, int i) {
    Random random = new Random(c * 1000L + i);
    List<String> texts = new ArrayList<>();
    for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
      StringBuilder words = new StringBuilder();
      for (int w = 0, m = 1 + random.nextInt(6); w < m; w++) {
        words.append(w == 0 ? "" : " ").append("w").append(c).append('_').append(i).append('_').append(random.nextInt(50));
      }
      texts.add(words.toString());
    }
    int beam = 1 + random.nextInt(2);
    return "{\"model\": \"" + (random.nextBoolean() ? "a" : "b") + "\", \"texts\": " + new ObjectMapper()
        .valueToTree(texts) + ", \"beam\": " + beam + ", \"nbest\": " + beam + ", \"attention\": " + random.nextBoolean()
        + "}";
  }

  /** The answer without its timing, which legitimately differs. */
  private String answer(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    ObjectNode body = (ObjectNode) json.readTree(r.body());
    body.remove("elapsedMs");
    return body.toString();
  }

  @Test
  void concurrentClientsGetTheSequentialAnswers() throws Exception {
    FakeEngine a = new FakeEngine("a", 2_000_000, 0);
    FakeEngine b = new FakeEngine("b", 2_000_000, 0);
    try (TranslationServer server = TranslationServer.start(List.of(a, b), "127.0.0.1", 0,
        ServerLimits.defaults().withBatchWindowMs(2).withMaxBatchSize(8))) {
      Http http = new Http(server.uri());
      List<String> sequential = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
          sequential.add(answer(http.post("/v1/translate", request(c, i))));
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          clients.add(pool.submit(() -> {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
              answers.add(answer(http.post("/v1/translate", request(client, i))));
            }
            return answers;
          }));
        }
        List<String> concurrent = new ArrayList<>();
        for (Future<List<String>> f : clients) {
          concurrent.addAll(f.get());
        }
        assertEquals(sequential, concurrent);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

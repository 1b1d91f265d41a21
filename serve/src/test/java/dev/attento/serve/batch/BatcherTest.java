package dev.attento.serve.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.serve.Eventually;
import dev.attento.serve.FakeEngine;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Batching without timing: the fake engine is held at a gate while sentences queue up, so
 * which sentences share a batch is decided by what is queued, not by how fast a thread runs
 * (a short window only shortens the test: everything is queued before the next batch forms).
 */
class BatcherTest {

  private static final Duration LONG = Duration.ofSeconds(20);
  private static final DecodeOptions GREEDY = new DecodeOptions(1, 1, 1.0, 50, false);
  private static final DecodeOptions BEAM = new DecodeOptions(4, 2, 1.0, 50, true);

  /** A window that ends a test's batches soon; outcomes do not depend on it. */
  private static final int SHORT_WINDOW_MS = 50;

  /** Holds the engine on a first batch of {@code first} sentences, then queues {@code sources} one request each. */
  private static List<Submission> queueBehindAHeldBatch(FakeEngine engine, Batcher batcher, int first,
                                                        List<String> sources, List<DecodeOptions> options)
      throws RejectedException {
    engine.hold();
    List<Submission> out = new ArrayList<>();
    out.add(batcher.submit(Collections.nCopies(first, "first"), GREEDY));
    Eventually.await("the first batch is at the gate", engine::batchWaiting);
    for (int i = 0; i < sources.size(); i++) {
      out.add(batcher.submit(List.of(sources.get(i)), options.get(i)));
    }
    assertEquals(sources.size(), batcher.queueLength());
    return out;
  }

  @Test
  void sentencesQueuedDuringADecodeShareTheNextBatch() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    try (Batcher batcher = new Batcher(engine, 100, SHORT_WINDOW_MS, 32, (n, t) -> { })) {
      List<String> sources = List.of("a b", "c d e", "f", "g h");
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 1, sources, List.of(GREEDY, GREEDY, GREEDY, GREEDY));
      engine.open();
      for (int i = 0; i < sources.size(); i++) {
        assertEquals(List.of(FakeEngine.translate(sources.get(i), GREEDY)), subs.get(i + 1).await(LONG));
      }
      assertEquals(List.of(1, 4), engine.batchSizes());
    }
  }

  @Test
  void aClientAnsweredByOneBatchCanJoinTheNextWithinTheWindow() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    int windowMs = 800;
    try (Batcher batcher = new Batcher(engine, 100, windowMs, 32, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 1, List.of("b"), List.of(GREEDY));
      Thread.sleep(windowMs + 200); // "b" has waited longer than the window since it arrived
      engine.open();
      subs.get(0).await(LONG); // the first client is answered...
      Submission next = batcher.submit(List.of("c"), GREEDY); // ...and sends its next sentence at once
      assertEquals(List.of(FakeEngine.translate("b", GREEDY)), subs.get(1).await(LONG));
      assertEquals(List.of(FakeEngine.translate("c", GREEDY)), next.await(LONG));
      // counted from "b"'s arrival alone, the window was over and "b" would have gone alone: [1, 1, 1]
      assertEquals(List.of(1, 2), engine.batchSizes());
    }
  }

  @Test
  void aFullBatchGoesWithoutWaitingForTheWindowAndTheRestFollows() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    // a window of 10 minutes: only a full batch (or stopping) can end it
    try (Batcher batcher = new Batcher(engine, 100, 600_000, 3, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 3, List.of("a", "b", "c", "d", "e", "f"),
          List.of(GREEDY, GREEDY, GREEDY, GREEDY, GREEDY, GREEDY));
      engine.open();
      for (Submission s : subs) {
        s.await(LONG);
      }
      assertEquals(List.of(3, 3, 3), engine.batchSizes());
    }
  }

  @Test
  void differentOptionsGoInSeparateBatches() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    try (Batcher batcher = new Batcher(engine, 100, SHORT_WINDOW_MS, 32, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 1, List.of("a", "b", "c", "d"),
          List.of(GREEDY, BEAM, GREEDY, BEAM));
      engine.open();
      assertEquals(FakeEngine.translate("b", BEAM), subs.get(2).await(LONG).get(0));
      assertEquals(FakeEngine.translate("c", GREEDY), subs.get(3).await(LONG).get(0));
      subs.get(4).await(LONG);
      assertEquals(List.of(1, 2, 2), engine.batchSizes());
      assertEquals(List.of(GREEDY, GREEDY, BEAM), engine.batchOptions());
    }
  }

  @Test
  void withoutAWindowEachRequestIsDecodedAlone() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    try (Batcher batcher = new Batcher(engine, 100, 0, 32, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 1, List.of("a", "b", "c"),
          List.of(GREEDY, GREEDY, GREEDY));
      Submission pair = batcher.submit(List.of("d", "e"), GREEDY);
      engine.open();
      for (Submission s : subs) {
        s.await(LONG);
      }
      assertEquals(2, pair.await(LONG).size());
      assertEquals(List.of(1, 1, 1, 1, 2), engine.batchSizes());
    }
  }

  @Test
  void aFullQueueRejectsAndAWithdrawnRequestLeavesIt() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    try (Batcher batcher = new Batcher(engine, 3, SHORT_WINDOW_MS, 32, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 1, List.of("a", "b"), List.of(GREEDY, GREEDY));
      RejectedException full = assertThrows(RejectedException.class, () -> batcher.submit(List.of("c", "d"), GREEDY));
      assertTrue(full.getMessage().contains("queue of model m is full"), full.getMessage());
      assertThrows(TimeoutException.class, () -> subs.get(2).await(Duration.ofMillis(1)));
      assertEquals(1, batcher.queueLength(), "the timed-out sentence is withdrawn");
      Submission later = batcher.submit(List.of("c", "d"), GREEDY);
      engine.open();
      assertEquals(2, later.await(LONG).size());
      assertEquals(List.of(1, 3), engine.batchSizes(), "the withdrawn sentence is never decoded");
    }
  }

  @Test
  void anEngineFailureFailsItsBatchOnly() throws Exception {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    TranslationEngine failing = new TranslationEngine() {
      final FakeEngine fake = new FakeEngine("f");

      @Override
      public ModelInfo info() {
        return fake.info();
      }

      @Override
      public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
        if (sources.contains("boom")) {
          throw new IllegalStateException("decoder exploded");
        }
        return fake.translate(sources, options);
      }
    };
    try (Batcher batcher = new Batcher(failing, 10, 0, 32, (n, t) -> sizes.add(n))) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> batcher.submit(List.of("boom"), GREEDY).await(LONG));
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals(1, batcher.submit(List.of("fine"), GREEDY).await(LONG).size());
      Eventually.await("both batches are observed", () -> sizes.size() == 2);
    }
  }

  @Test
  void closingDecodesWhatIsQueuedAndThenRejects() throws Exception {
    FakeEngine engine = new FakeEngine("m");
    Batcher batcher = new Batcher(engine, 100, 600_000, 2, (n, t) -> { });
    List<Submission> subs = queueBehindAHeldBatch(engine, batcher, 2, List.of("a"), List.of(GREEDY));
    Thread closer = new Thread(() -> batcher.close(LONG));
    closer.start();
    Eventually.await("the batcher refuses new work", () -> {
      try {
        batcher.submit(List.of("late"), GREEDY).await(Duration.ZERO);
        return false;
      } catch (RejectedException e) {
        return e.getMessage().contains("shutting down");
      } catch (Exception e) {
        return false;
      }
    });
    engine.open();
    closer.join();
    assertEquals(FakeEngine.translate("a", GREEDY), subs.get(1).await(LONG).get(0));
    assertEquals(List.of(2, 1), engine.batchSizes(), "stopping ends the 10-minute window");
  }
}

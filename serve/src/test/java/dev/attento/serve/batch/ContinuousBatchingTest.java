package dev.attento.serve.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.serve.Eventually;
import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.Hypothesis;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Continuous batching without timing: a fake engine decodes a sentence of n words in n steps
 * and can be held before each step, so which sentences share a step is decided by what is
 * queued while it is held.
 */
class ContinuousBatchingTest {

  private static final Duration LONG = Duration.ofSeconds(20);
  private static final DecodeOptions GREEDY = new DecodeOptions(1, 1, 1.0, 50, false);
  private static final DecodeOptions BEAM = new DecodeOptions(4, 1, 1.0, 50, false);

  /** Greedy sentences step by step (a sentence of n words ends at its n-th step); beam search in whole batches. */
  static final class SteppingEngine implements TranslationEngine {
    /** Sources in the batch at each step, in order. */
    final List<List<String>> steps = new CopyOnWriteArrayList<>();
    /** Sizes of the whole batches given to translate. */
    final List<Integer> wholeBatches = new CopyOnWriteArrayList<>();
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    volatile int failAtStep = -1;

    void hold() {
      gate.drainPermits();
    }

    void release(int steps) {
      gate.release(steps);
    }

    void open() {
      gate.release(Integer.MAX_VALUE / 2);
    }

    boolean waitingAtGate() {
      return gate.hasQueuedThreads();
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("m", "lstm", "none", 10, 10, 0, Map.of());
    }

    @Override
    public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
      wholeBatches.add(sources.size());
      return sources.stream().map(ContinuousBatchingTest::translated).toList();
    }

    @Override
    public Optional<ContinuousDecoding> continuous(DecodeOptions options) {
      if (options.beam() != 1) {
        return Optional.empty();
      }
      Map<Integer, String> live = new LinkedHashMap<>();
      Map<Integer, Integer> stepsLeft = new LinkedHashMap<>();
      return Optional.of(new ContinuousDecoding() {
        @Override
        public void admit(List<String> sources, int[] ids) {
          for (int i = 0; i < ids.length; i++) {
            live.put(ids[i], sources.get(i));
            stepsLeft.put(ids[i], sources.get(i).split(" ").length);
          }
        }

        @Override
        public List<Done> step() {
          gate.acquireUninterruptibly();
          if (steps.size() == failAtStep) {
            throw new IllegalStateException("the engine broke");
          }
          steps.add(List.copyOf(live.values()));
          List<Done> done = new ArrayList<>();
          for (Integer id : List.copyOf(live.keySet())) {
            if (stepsLeft.merge(id, -1, Integer::sum) == 0) {
              done.add(new Done(id, translated(live.remove(id))));
              stepsLeft.remove(id);
            }
          }
          return done;
        }

        @Override
        public int size() {
          return live.size();
        }
      });
    }
  }

  static SentenceResult translated(String source) {
    return new SentenceResult(List.of(source.split(" ")),
        List.of(new Hypothesis(source.toUpperCase(java.util.Locale.ROOT), -1, List.of(source), null)));
  }

  /** Holds the engine before the first step of {@code first}, then queues {@code sources} one request each. */
  private static List<Submission> queueBehindAHeldStep(SteppingEngine engine, Batcher batcher, String first,
                                                       List<String> sources, DecodeOptions options) throws Exception {
    engine.hold();
    List<Submission> out = new ArrayList<>();
    out.add(batcher.submit(List.of(first), GREEDY));
    Eventually.await("the first step is at the gate", engine::waitingAtGate);
    for (String s : sources) {
      out.add(batcher.submit(List.of(s), options));
    }
    return out;
  }

  @Test
  void sentencesQueuedDuringAStepJoinTheRunningBatchAndEachIsAnsweredWhenItEnds() throws Exception {
    SteppingEngine engine = new SteppingEngine();
    // a window of 10 minutes: only "a quarter of the largest batch is waiting" lets them join
    try (Batcher batcher = new Batcher(engine, 100, 600_000, 8, true, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldStep(engine, batcher, "long long long long long",
          List.of("x", "y y"), GREEDY);
      engine.open();
      for (int i = 0; i < subs.size(); i++) {
        String source = i == 0 ? "long long long long long" : i == 1 ? "x" : "y y";
        assertEquals(List.of(translated(source)), subs.get(i).await(LONG));
      }
      assertEquals(List.of("long long long long long"), engine.steps.get(0));
      assertEquals(List.of("long long long long long", "x", "y y"), engine.steps.get(1), "joined at the second step");
      assertEquals(List.of("long long long long long", "y y"), engine.steps.get(2), "x left when it ended");
      assertEquals(5, engine.steps.size(), "the batch was decoded in one run of steps: " + engine.steps);
      assertEquals(List.of(), engine.wholeBatches);
    }
  }

  @Test
  void fewerThanAQuarterOfTheLargestBatchWaitForTheWindowBeforeJoining() throws Exception {
    SteppingEngine engine = new SteppingEngine();
    int windowMs = 300;
    try (Batcher batcher = new Batcher(engine, 100, windowMs, 32, true, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldStep(engine, batcher, "a a a a a a a a a a", List.of("b"), GREEDY);
      engine.release(1); // the first step goes before "b" has waited the window: "b" does not join yet
      Eventually.await("the second step is at the gate", () -> engine.steps.size() == 1 && engine.waitingAtGate());
      Thread.sleep(windowMs + 100);
      engine.open();
      subs.get(1).await(LONG);
      subs.get(0).await(LONG);
      assertEquals(List.of("a a a a a a a a a a"), engine.steps.get(0));
      assertEquals(List.of("a a a a a a a a a a"), engine.steps.get(1), "b had not waited the window after step 1");
      assertEquals(List.of("a a a a a a a a a a", "b"), engine.steps.get(2), "b joined once it had waited the window");
    }
  }

  @Test
  void otherOptionsWaitForTheBatchToEmptyAndThenNoSentenceJoinsIt() throws Exception {
    SteppingEngine engine = new SteppingEngine();
    int windowMs = 200;
    try (Batcher batcher = new Batcher(engine, 100, windowMs, 4, true, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldStep(engine, batcher, "a a a a a a", List.of("beam"), BEAM);
      Thread.sleep(windowMs + 100); // the beam sentence has waited the window
      Submission late = batcher.submit(List.of("late"), GREEDY);
      engine.open();
      assertEquals(List.of(translated("beam")), subs.get(1).await(LONG));
      late.await(LONG);
      assertTrue(engine.steps.stream().limit(6).allMatch(s -> s.equals(List.of("a a a a a a"))),
          "nothing joined the batch once the beam sentence had waited the window: " + engine.steps);
      assertEquals(List.of(1), engine.wholeBatches, "the beam sentence went as a whole batch");
      assertEquals(List.of("late"), engine.steps.get(6), "the late greedy sentence came after it");
    }
  }

  @Test
  void anEngineFailureFailsEverySentenceInTheBatchAndTheBatcherGoesOn() throws Exception {
    SteppingEngine engine = new SteppingEngine();
    engine.failAtStep = 1;
    try (Batcher batcher = new Batcher(engine, 100, 600_000, 4, true, (n, t) -> { })) {
      List<Submission> subs = queueBehindAHeldStep(engine, batcher, "a a a", List.of("b"), GREEDY);
      engine.open();
      for (Submission s : subs) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.await(LONG));
        assertInstanceOf(IllegalStateException.class, e.getCause());
      }
      engine.failAtStep = -1;
      assertEquals(List.of(translated("c")), batcher.submit(List.of("c"), GREEDY).await(LONG));
    }
  }

  @Test
  void withoutContinuousBatchingGreedySentencesGoInWholeBatches() throws Exception {
    SteppingEngine engine = new SteppingEngine();
    try (Batcher batcher = new Batcher(engine, 100, 50, 32, false, (n, t) -> { })) {
      Submission s = batcher.submit(Collections.nCopies(3, "a b"), GREEDY);
      assertEquals(Collections.nCopies(3, translated("a b")), s.await(LONG));
      assertEquals(List.of(3), engine.wholeBatches);
      assertEquals(List.of(), engine.steps);
    }
  }
}

package dev.attento.serve.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real (untrained, seeded) model behind the server's engine interface. */
class BundleEngineTest {

  static ModelBundle model;
  static final List<String> DATES = List.of("March 3, 2021", "Monday, May 1, 2000", "June 9, 1990", "July 4, 1776",
      "", "December 25, 1999", "January 1, 2000", "October 31, 2024");

  @BeforeAll
  static void model() {
    ExperimentConfig c = ConfigTree.defaults().set("data.task", "\"dates\"").set("data.trainSize", "64")
        .set("data.devSize", "8").set("model.hidden", "16").set("model.embedding", "8").bind();
    model = DataPreparation.prepare(c).newModel(c.model(), 3, null);
  }

  private static ModelInfo info() {
    return new ModelInfo("dates", "lstm", "luong-general", 10, 10, 0, Map.of());
  }

  @Test
  void greedyGivesWhatTheCommandLineTranslatorGives() {
    BundleEngine engine = new BundleEngine(info(), model, Kernels.detect());
    List<SentenceResult> served = engine.translate(DATES, new DecodeOptions(1, 1, 0, 40, true));
    List<Translation> expected = new TextTranslator(model, new DecodingOptions(1, 0, 0, 40), false, Kernels.detect())
        .translate(DATES);
    for (int i = 0; i < DATES.size(); i++) {
      var h = served.get(i).hypotheses().get(0);
      assertEquals(expected.get(i).text(), h.text(), DATES.get(i));
      assertEquals(h.tokens().size(), h.attention().size(), "one attention row per target token");
      for (List<Double> row : h.attention()) {
        assertEquals(served.get(i).sourceTokens().size(), row.size(), "one weight per source token");
      }
    }
  }

  @Test
  void sentencesJoiningAContinuousDecodeGetWhatTheyGetAlone() {
    BundleEngine engine = new BundleEngine(info(), model, Kernels.detect());
    DecodeOptions options = new DecodeOptions(1, 1, 0, 40, true, 2, 0);
    ContinuousDecoding decoding = engine.continuous(options).orElseThrow();
    Map<Integer, SentenceResult> done = new java.util.HashMap<>();
    int next = 0;
    while (done.size() < DATES.size()) {
      if (next < DATES.size()) { // one sentence joins before each step, the empty one among them
        decoding.admit(List.of(DATES.get(next)), new int[] {next++});
      }
      decoding.step().forEach(d -> assertNull(done.put(d.id(), d.result()), "answered twice: " + d.id()));
    }
    assertEquals(0, decoding.size());
    for (int i = 0; i < DATES.size(); i++) {
      assertEquals(engine.translate(List.of(DATES.get(i)), options).get(0), done.get(i), DATES.get(i));
    }
    assertTrue(engine.continuous(new DecodeOptions(4, 1, 0, 40, false)).isEmpty(), "beam search is not continuous");
    assertTrue(engine.continuous(new DecodeOptions(2, 2, 0, 40, false)).isEmpty(), "nor are n-best lists");
  }

  @Test
  void nGramBlockingAndCoveragePenaltyReachTheSearch() {
    BundleEngine engine = new BundleEngine(info(), model, Kernels.detect());
    DecodingOptions blocked = new DecodingOptions(3, 0.6, 0, 40, true, 1, 0.5);
    List<List<Translation>> expected = new TextTranslator(model, blocked, false, Kernels.detect())
        .translateNBest(DATES, 1, blocked);
    List<SentenceResult> served = engine.translate(DATES, new DecodeOptions(3, 1, 0.6, 40, false, 1, 0.5));
    int repeatedBefore = 0;
    List<SentenceResult> plain = engine.translate(DATES, new DecodeOptions(3, 1, 0.6, 40, false));
    for (int i = 0; i < DATES.size(); i++) {
      List<String> tokens = served.get(i).hypotheses().get(0).tokens();
      assertEquals(expected.get(i).get(0).text(), served.get(i).hypotheses().get(0).text(), DATES.get(i));
      assertEquals(tokens.size(), new HashSet<>(tokens).size(), "no token twice with n = 1: " + tokens);
      List<String> before = plain.get(i).hypotheses().get(0).tokens();
      repeatedBefore += before.size() - new HashSet<>(before).size();
    }
    assertTrue(repeatedBefore > 0, "the untrained model repeats tokens without blocking, so the test can fail");
  }

  @Test
  void nBestListsAtMostNHypothesesAndAFixedContextModelHasNoAttention() {
    BundleEngine engine = new BundleEngine(info(), model, Kernels.detect());
    for (SentenceResult r : engine.translate(DATES, new DecodeOptions(4, 3, 0.6, 40, false))) {
      assertTrue(!r.hypotheses().isEmpty() && r.hypotheses().size() <= 3);
      assertNull(r.hypotheses().get(0).attention(), "not asked for");
    }
  }

  @Test
  void manyThreadsAtOnceGetWhatOneAtATimeGets() throws Exception {
    DecodeOptions beam = new DecodeOptions(3, 2, 0.6, 40, true);
    List<SentenceResult> alone = new ArrayList<>();
    BundleEngine serial = new BundleEngine(info(), model, Kernels.detect());
    for (String s : DATES) {
      alone.addAll(serial.translate(List.of(s), beam));
    }
    // Engines sharing one model and one two-thread pool, called from eight threads at once.
    try (WorkerPool pool = WorkerPool.create(2)) {
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, pool);
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<List<SentenceResult>>> futures = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        BundleEngine engine = new BundleEngine(info(), model, kernels);
        futures.add(clients.submit(() -> engine.translate(DATES, beam)));
      }
      for (Future<List<SentenceResult>> f : futures) {
        assertEquals(alone, f.get(), "a batch decoded concurrently with others equals each sentence decoded alone");
      }
      clients.shutdown();
    }
  }
}

package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batched beam search must find what searching each sentence on its own finds. */
class BeamSearchTest {

  @ParameterizedTest
  @ValueSource(strings = {"none", "luong-general"})
  void aBatchDecodesAsEachSentenceAlone(String attention) {
    ModelConfig config = new ModelConfig("gru", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, attention,
        !attention.equals("none"), false, false);
    Translator model = Translators.build(config, 7, null);
    int batch = 11; // 44 beam rows: decoded in three parts on three threads
    SourceBatch source = TestBatches.randomSources(new Random(3), batch, 9, 9);
    DecodingOptions options = new DecodingOptions(4, 0.6, 1.5, 3);
    List<Hypothesis> together;
    try (WorkerPool pool = WorkerPool.create(3)) {
      together = BeamSearch.decode(Forward.inference(Kernels.choose(Kernels.Choice.AUTO, pool)), model, source, options);
    }
    Forward alone = Forward.inference(Kernels.detect());
    assertEquals(batch, together.size());
    assertTrue(together.stream().mapToInt(h -> h.tokens().length).distinct().count() > 1,
        "the sentences should end at different lengths, or the batching is not exercised");
    for (int b = 0; b < batch; b++) {
      Hypothesis h = BeamSearch.decode(alone, model, source.rows(b, b + 1), options).get(0);
      assertArrayEquals(h.tokens(), together.get(b).tokens(), "sentence " + b);
      assertEquals(h.score(), together.get(b).score(), 1e-4, "sentence " + b);
      if (h.attention() != null) {
        assertEquals(h.attention().length, together.get(b).attention().length, "attention rows of sentence " + b);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void nBestListsDistinctHypothesesBestFirstStartingWithTheOneBest() {
    ModelConfig config = new ModelConfig("gru", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, "bahdanau", true, false,
        false);
    Translator model = Translators.build(config, 7, null);
    SourceBatch source = TestBatches.randomSources(new Random(4), 5, 9, 9);
    DecodingOptions options = new DecodingOptions(4, 0.6, 1.5, 3);
    Forward fwd = Forward.inference(Kernels.detect());
    List<Hypothesis> one = BeamSearch.decode(fwd, model, source, options);
    List<List<Hypothesis>> three = BeamSearch.decodeNBest(fwd, model, source, options, 3);
    for (int b = 0; b < 5; b++) {
      List<Hypothesis> n = three.get(b);
      assertTrue(!n.isEmpty() && n.size() <= 3, "sentence " + b + ": " + n.size());
      assertArrayEquals(one.get(b).tokens(), n.get(0).tokens(), "the first of the n-best is the one-best");
      for (int i = 1; i < n.size(); i++) {
        assertTrue(options.rankingScore(n.get(i - 1).score(), n.get(i - 1).tokens().length)
            >= options.rankingScore(n.get(i).score(), n.get(i).tokens().length),
            "best first by length-normalised score");
        assertTrue(!java.util.Arrays.equals(n.get(i - 1).tokens(), n.get(i).tokens()), "distinct hypotheses");
      }
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BeamSearch.decodeNBest(fwd, model, source, options, 5));
  }
}

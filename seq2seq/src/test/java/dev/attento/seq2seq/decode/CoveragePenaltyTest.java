package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GNMT's coverage penalty (Wu et al. 2016, eq. 14) in beam search's ranking. */
class CoveragePenaltyTest {

  private static final DecodingOptions PLAIN = new DecodingOptions(4, 0.6, 1.5, 3);

  @Test
  void penaltyIsBetaTimesTheLogOfEachSourceTokensCappedTotalAttention() {
    float[][] attention = {{0.5f, 0.2f, 0f}, {0.9f, 0.1f, 0f}, {0.3f, 0.3f, 0f}}; // third column: padding
    DecodingOptions o = PLAIN.withCoveragePenalty(0.2);
    double expected = 0.2 * (Math.log(1.0) + Math.log(0.6)); // token 0 got 1.7, capped at 1; token 1 got 0.6
    assertEquals(expected, o.coverage(attention, 2), 1e-6);
    assertEquals(Math.log(1e-6) * 0.2, o.coverage(new float[][] {{1f, 0f}}, 2), 1e-9, "a never-attended token is floored");
    assertEquals(0.0, PLAIN.coverage(attention, 2), "β = 0: off");
    assertEquals(0.0, o.coverage(null, 2), "no attention, no penalty");
    assertEquals(o.rankingScore(-3.0, 4) + expected, o.rankingScore(-3.0, 4, attention, 2), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> PLAIN.withCoveragePenalty(-0.1));
    assertThrows(IllegalArgumentException.class, () -> PLAIN.withCoveragePenalty(Double.NaN));
  }

  @Test
  void beamSearchPicksTheBestTranslationByThePenalisedScore() {
    Translator model = Translators.build(model("luong-general"), 7, null);
    SourceBatch source = TestBatches.randomSources(new Random(5), 12, 9, 9);
    Forward fwd = Forward.inference(Kernels.detect());
    DecodingOptions penalised = PLAIN.withCoveragePenalty(5.0);
    List<List<Hypothesis>> plain = BeamSearch.decodeNBest(fwd, model, source, PLAIN, 4);
    List<List<Hypothesis>> covered = BeamSearch.decodeNBest(fwd, model, source, penalised, 4);
    int changed = 0;
    for (int b = 0; b < source.batchSize(); b++) {
      int len = source.lengths()[b];
      List<Hypothesis> n = covered.get(b);
      for (int i = 1; i < n.size(); i++) {
        assertTrue(score(penalised, n.get(i - 1), len) >= score(penalised, n.get(i), len), "best first, sentence " + b);
      }
      // The penalty only re-ranks finished hypotheses and can only make the search run longer, so the
      // plain search's winner is among the candidates and cannot beat the penalised winner on its own score.
      Hypothesis plainBest = plain.get(b).get(0);
      assertTrue(score(penalised, n.get(0), len) >= score(penalised, plainBest, len) - 1e-9, "sentence " + b);
      changed += java.util.Arrays.equals(plainBest.tokens(), n.get(0).tokens()) ? 0 : 1;
    }
    assertTrue(changed > 0, "a strong penalty should change some translation of an untrained model");
  }

  @Test
  void withoutAttentionThePenaltyChangesNothing() {
    Translator model = Translators.build(model("none"), 7, null);
    SourceBatch source = TestBatches.randomSources(new Random(6), 6, 9, 9);
    Forward fwd = Forward.inference(Kernels.detect());
    List<Hypothesis> plain = BeamSearch.decode(fwd, model, source, PLAIN);
    List<Hypothesis> covered = BeamSearch.decode(fwd, model, source, PLAIN.withCoveragePenalty(5.0));
    for (int b = 0; b < plain.size(); b++) {
      assertArrayEquals(plain.get(b).tokens(), covered.get(b).tokens(), "sentence " + b);
    }
  }

  private static double score(DecodingOptions o, Hypothesis h, int sourceLength) {
    return o.rankingScore(h.score(), h.tokens().length, h.attention(), sourceLength);
  }

  private static ModelConfig model(String attention) {
    return new ModelConfig("gru", Map.of(), 12, 12, 8, 16, 1, false, false, 0f, attention, !attention.equals("none"),
        false, false);
  }
}

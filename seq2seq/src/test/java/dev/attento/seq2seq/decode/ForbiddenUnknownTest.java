package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding for a target that spells every text (subwords) never emits UNK. */
class ForbiddenUnknownTest {

  @Test
  void onlyUnkIsRemovedFromEachRow() {
    float[] logProbs = {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10};
    DecodingOptions.greedy().removeForbidden(logProbs, 5);
    assertArrayEquals(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10}, logProbs, "allowed by default");
    DecodingOptions.greedy().withForbidUnknown(true).removeForbidden(logProbs, 5);
    float inf = Float.NEGATIVE_INFINITY;
    assertArrayEquals(new float[] {-1, -2, -3, inf, -5, -6, -7, -8, inf, -10}, logProbs);
    assertTrue(DecodingOptions.beam(4).withForbidUnknown(true).withBeamSize(2).withNoRepeatNgram(3).forbidUnknown(),
        "kept by the other with-methods");
  }

  @Test
  void greedyAndBeamSearchNeverEmitUnkWhenForbidden() {
    // An untrained model over a target vocabulary of 6 (UNK is id 3) emits UNK freely.
    ModelConfig config = new ModelConfig("gru", Map.of(), 12, 6, 8, 16, 1, false, false, 0f, "luong-general", true,
        false, false);
    Translator model = Translators.build(config, 11, null);
    SourceBatch source = TestBatches.randomSources(new Random(5), 8, 9, 9);
    Forward fwd = Forward.inference(Kernels.detect());
    for (DecodingOptions plain : List.of(new DecodingOptions(1, 0, 3, 10), new DecodingOptions(4, 3.0, 3, 10))) {
      List<Hypothesis> free = search(fwd, model, source, plain);
      assertTrue(free.stream().anyMatch(h -> containsUnk(h.tokens())), "the untrained model emits UNK (beam "
          + plain.beamSize() + ")");
      for (Hypothesis h : search(fwd, model, source, plain.withForbidUnknown(true))) {
        assertFalse(containsUnk(h.tokens()), Arrays.toString(h.tokens()));
      }
    }
  }

  private static List<Hypothesis> search(Forward fwd, Translator model, SourceBatch source, DecodingOptions options) {
    return options.beamSize() == 1 ? GreedySearch.decode(fwd, model, source, options)
        : BeamSearch.decode(fwd, model, source, options);
  }

  private static boolean containsUnk(int[] tokens) {
    return Arrays.stream(tokens).anyMatch(t -> t == SpecialTokens.UNK);
  }
}

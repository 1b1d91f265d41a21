package dev.attento.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.TestBatches;
import dev.attento.seq2seq.model.Translator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** N-gram blocking: which tokens are banned, and that greedy and beam search never repeat an n-gram with it. */
class RepeatedNgramsTest {

  @Test
  void theTokensThatWouldCompleteAnEarlierNgramAreBanned() {
    int[] tokens = {7, 8, 9, 7, 8, 5, 7};
    assertArrayEquals(new int[] {8, 8}, RepeatedNgrams.banned(tokens, 7, 2), "7 was followed by 8 twice");
    assertArrayEquals(new int[] {}, RepeatedNgrams.banned(tokens, 7, 3), "(5, 7) never came before");
    assertArrayEquals(new int[] {9}, RepeatedNgrams.banned(tokens, 5, 3), "(7, 8) was followed by 9");
    assertArrayEquals(new int[] {9, 5}, RepeatedNgrams.banned(new int[] {7, 8, 9, 7, 8, 5, 7, 8}, 8, 3),
        "(7, 8) was followed by 9, then by 5");
    assertArrayEquals(new int[] {7, 8, 9, 7, 8, 5, 7}, RepeatedNgrams.banned(tokens, 7, 1), "n = 1: no token twice");
    assertArrayEquals(new int[] {}, RepeatedNgrams.banned(tokens, 7, 0), "0: off");
    assertArrayEquals(new int[] {}, RepeatedNgrams.banned(tokens, 1, 2), "too short to repeat");
  }

  /** An untrained model whose outputs loop: repeated bigrams without blocking (beam search with a strong length
   * penalty, which favours long outputs, loops too). */
  private static Translator loopingModel() {
    ModelConfig config = new ModelConfig("gru", Map.of(), 12, 6, 8, 16, 1, false, false, 0f, "luong-general", true,
        false, false);
    return Translators.build(config, 11, null);
  }

  private static int repeatedBigrams(int[] t) {
    Set<List<Integer>> seen = new HashSet<>();
    int repeats = 0;
    for (int i = 0; i + 1 < t.length; i++) {
      if (!seen.add(List.of(t[i], t[i + 1]))) {
        repeats++;
      }
    }
    return repeats;
  }

  @Test
  void greedyAndBeamSearchNeverRepeatABigramWhenBlocked() {
    Translator model = loopingModel();
    SourceBatch source = TestBatches.randomSources(new Random(5), 8, 9, 9);
    Forward fwd = Forward.inference(Kernels.detect());
    for (DecodingOptions plain : List.of(new DecodingOptions(1, 0, 3, 10), new DecodingOptions(4, 3.0, 3, 10))) {
      List<Hypothesis> free = plain.beamSize() == 1 ? GreedySearch.decode(fwd, model, source, plain)
          : BeamSearch.decode(fwd, model, source, plain);
      DecodingOptions blocked = plain.withNoRepeatNgram(2);
      List<Hypothesis> out = blocked.beamSize() == 1 ? GreedySearch.decode(fwd, model, source, blocked)
          : BeamSearch.decode(fwd, model, source, blocked);
      int freeRepeats = free.stream().mapToInt(h -> repeatedBigrams(h.tokens())).sum();
      assertTrue(freeRepeats > 0, "the untrained model loops without blocking (beam " + plain.beamSize() + ")");
      for (Hypothesis h : out) {
        assertEquals(0, repeatedBigrams(h.tokens()), java.util.Arrays.toString(h.tokens()));
      }
    }
  }
}

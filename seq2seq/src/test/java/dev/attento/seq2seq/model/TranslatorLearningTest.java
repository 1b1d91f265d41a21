package dev.attento.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.init.Initialization;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.data.TargetBatch;
import dev.attento.seq2seq.decode.BeamSearch;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.decode.GreedySearch;
import dev.attento.seq2seq.decode.Hypothesis;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** A tiny translator must overfit a handful of pairs, and decoding must then reproduce them. */
class TranslatorLearningTest {

  private static final int[][] SOURCES = {{3, 4, 5}, {5, 6, 7, 3}, {4, 4, 6}, {7, 5}};

  static ModelConfig config(boolean bidirectional) {
    return new ModelConfig("tiny", Map.of(), 8, 8, 12, 24, 1, bidirectional, false, 0f, "none", false, true, false);
  }

  static Translator build(ModelConfig config, long seed) {
    CellFactory cells = TinyTanhCell::new;
    Initialization init = new Initialization(seed);
    Encoder encoder = new Encoder(config, cells, init.scope("encoder"));
    return new Translator(config, encoder, new FixedContextDecoder(config, cells, init.scope("decoder")), init);
  }

  /** Sources padded to length 4; targets are the reversed sources. */
  static SourceBatch sources() {
    int[] ids = new int[SOURCES.length * 4];
    int[] lengths = new int[SOURCES.length];
    for (int b = 0; b < SOURCES.length; b++) {
      System.arraycopy(SOURCES[b], 0, ids, b * 4, SOURCES[b].length);
      lengths[b] = SOURCES[b].length;
    }
    return new SourceBatch(ids, lengths, 4);
  }

  static TargetBatch targets() {
    int len = 5;
    int[] in = new int[SOURCES.length * len];
    int[] out = new int[SOURCES.length * len];
    for (int b = 0; b < SOURCES.length; b++) {
      int[] s = SOURCES[b];
      in[b * len] = SpecialTokens.BOS;
      for (int i = 0; i < s.length; i++) {
        int tok = s[s.length - 1 - i];
        out[b * len + i] = tok;
        if (i + 1 < len) {
          in[b * len + i + 1] = tok;
        }
      }
      out[b * len + s.length] = SpecialTokens.EOS;
    }
    return new TargetBatch(in, out, len);
  }

  @Test
  void overfitsAndDecodesTheTrainingPairs() {
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    Translator model = build(config(true), 7L);
    List<Tensor> params = model.parameters().tensors();
    SourceBatch src = sources();
    TargetBatch tgt = targets();
    float first = Float.NaN;
    float last = Float.NaN;
    for (int step = 0; step < 400; step++) {
      Tape tape = Tape.watching(params);
      Tensor loss = model.loss(Forward.training(tape, Kernels.detect(), random), src, tgt);
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
      Gradients gradients = tape.backward(loss);
      for (Tensor p : params) {
        float[] g = gradients.get(p);
        if (g != null) {
          float[] w = p.data();
          for (int i = 0; i < w.length; i++) {
            w[i] -= 0.3f * Math.max(-1f, Math.min(1f, g[i]));
          }
        }
      }
    }
    assertTrue(last < 0.05f * first, "loss should fall from " + first + " to under 5%, was " + last);
    Forward fwd = Forward.inference();
    List<Hypothesis> greedy = GreedySearch.decode(fwd, model, src, DecodingOptions.greedy());
    List<Hypothesis> beam = BeamSearch.decode(fwd, model, src, DecodingOptions.beam(3));
    // Running on to the maximum length (as benchmarks do) must not change what was decoded.
    List<Hypothesis> fullLength = GreedySearch.decode(fwd, model, src, new DecodingOptions(1, 0, 3, 20, false));
    for (int b = 0; b < SOURCES.length; b++) {
      assertArrayEquals(greedy.get(b).tokens(), fullLength.get(b).tokens(), "greedy without early stop, sentence " + b);
      assertEquals(greedy.get(b).score(), fullLength.get(b).score(), 1e-6, "greedy without early stop, sentence " + b);
      int[] expected = new int[SOURCES[b].length];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = SOURCES[b][expected.length - 1 - i];
      }
      assertArrayEquals(expected, greedy.get(b).tokens(), "greedy, sentence " + b);
      assertArrayEquals(expected, beam.get(b).tokens(), "beam, sentence " + b);
      assertEquals(greedy.get(b).score(), beam.get(b).score(), 1e-4, "beam finds the greedy optimum here");
    }
  }
}

package dev.attento.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Tape;
import dev.attento.core.ops.CrossEntropy;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.data.TargetBatch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Translator#loss} sorts a batch by target length, skips the padded steps of ended
 * sentences and drops them from the decoder's batch. None of that may change the loss or a
 * gradient: compared here with a plain teacher-forced pass over the unsorted, fully padded
 * batch, for both decoders.
 */
class SkippedPaddingTest {

  private static final int BATCH = 12;

  @ParameterizedTest
  @ValueSource(strings = {"none", "luong-general", "bahdanau"})
  void lossAndGradientsMatchAPlainPaddedPass(String attention) {
    ModelConfig config = new ModelConfig("lstm", Map.of(), 10, 10, 6, 8, 2, false, false, 0f, attention,
        !attention.equals("none"), attention.equals("none"), false);
    Translator model = Translators.build(config, 3, null);
    Random r = new Random(5);
    int srcLen = 9;
    int tgtLen = 10;
    int[] src = new int[BATCH * srcLen];
    int[] srcLengths = new int[BATCH];
    int[] in = new int[BATCH * tgtLen];
    int[] out = new int[BATCH * tgtLen];
    for (int b = 0; b < BATCH; b++) {
      srcLengths[b] = 1 + r.nextInt(srcLen);
      for (int t = 0; t < srcLengths[b]; t++) {
        src[b * srcLen + t] = 3 + r.nextInt(7);
      }
      int len = r.nextInt(tgtLen); // target tokens, then EOS
      in[b * tgtLen] = SpecialTokens.BOS;
      for (int t = 0; t < len; t++) {
        int tok = 3 + r.nextInt(7);
        out[b * tgtLen + t] = tok;
        if (t + 1 < tgtLen) {
          in[b * tgtLen + t + 1] = tok;
        }
      }
      out[b * tgtLen + len] = SpecialTokens.EOS;
    }
    SourceBatch source = new SourceBatch(src, srcLengths, srcLen);
    TargetBatch target = new TargetBatch(in, out, tgtLen);
    List<Tensor> params = model.parameters().tensors();

    Tape fastTape = Tape.watching(params);
    Forward fastPass = Forward.recording(fastTape);
    Tensor fast = model.loss(fastPass, source, target);
    List<float[]> fastGrads = TestBatches.takeGradients(params, fastTape.backward(fast));

    Tape slowTape = Tape.watching(params);
    Forward slowPass = Forward.recording(slowTape);
    EncoderOutput encoded = model.encoder().encode(slowPass, source);
    EmbeddedTokens inputs = new EmbeddedTokens(model.targetEmbedding(), in, new int[] {BATCH, tgtLen});
    Decoder.Unrolled plain = model.decoder().unroll(slowPass, inputs, null, model.decoder().start(slowPass, encoded));
    Tensor slow = CrossEntropy.crossEntropy(slowPass, model.logits(slowPass, plain.outputs()), out, SpecialTokens.PAD);
    List<float[]> slowGrads = TestBatches.takeGradients(params, slowTape.backward(slow));

    assertEquals(slow.item(), fast.item(), 1e-5f * Math.abs(slow.item()));
    for (int p = 0; p < params.size(); p++) {
      float[] a = slowGrads.get(p);
      float[] b = fastGrads.get(p);
      for (int i = 0; i < a.length; i++) {
        assertTrue(Math.abs(a[i] - b[i]) <= 1e-5f + 1e-3f * Math.abs(a[i]),
            "parameter " + List.copyOf(model.parameters().asMap().keySet()).get(p) + "[" + i + "]: " + a[i] + " vs " + b[i]);
      }
    }
  }

}

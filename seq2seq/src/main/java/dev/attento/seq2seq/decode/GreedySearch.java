package dev.attento.seq2seq.decode;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.ops.Reductions;
import dev.attento.core.ops.Shaping;
import dev.attento.core.ops.Softmax;
import dev.attento.core.ops.WeightCache;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.SourceBatch;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy decoding of a whole batch at once: at each step every unfinished sentence takes its
 * most probable next token. The batch stops as soon as every sentence has produced EOS.
 *
 * <p>A batch of {@value #SPLIT} sentences or more is decoded as two {@link Halves}, one per core.
 */
public final class GreedySearch {

  /** The smallest batch decoded as two halves. */
  static final int SPLIT = 16;

  private GreedySearch() {}

  /** Decodes each sentence of {@code source}, in order. */
  public static List<Hypothesis> decode(Translator model, SourceBatch source, DecodingOptions options) {
    return Halves.decode(source, SPLIT, (part, region) -> decodeBatch(model, part, options, region));
  }

  private static List<Hypothesis> decodeBatch(Translator model, SourceBatch source, DecodingOptions options,
                                              WeightCache region) {
    try (Autodiff.NoGrad ignored = Autodiff.noGrad(); WeightCache cache = WeightCache.join(region)) {
      int batch = source.batchSize();
      DecoderState state = model.decoder().start(model.encoder().encode(source, false, null));
      int maxLen = 0;
      for (int len : source.lengths()) {
        maxLen = Math.max(maxLen, options.maxLength(len));
      }
      int[] prev = new int[batch];
      java.util.Arrays.fill(prev, Translator.BOS);
      List<List<Integer>> tokens = new ArrayList<>();
      List<List<float[]>> weights = new ArrayList<>();
      double[] scores = new double[batch];
      boolean[] done = new boolean[batch];
      for (int b = 0; b < batch; b++) {
        tokens.add(new ArrayList<>());
        weights.add(new ArrayList<>());
      }
      int srcLen = source.length();
      for (int t = 0; t < maxLen; t++) {
        Tensor input = Shaping.reshape(model.embedTargets(prev, batch, 1), batch, model.config().embeddingSize());
        Decoder.Step step = model.decoder().step(input, state, false, null);
        Tensor logProbs = Softmax.logSoftmax(model.logits(step.output(), false, null));
        int[] best = Reductions.argmax(logProbs);
        int vocab = logProbs.dim(1);
        boolean all = true;
        for (int b = 0; b < batch; b++) {
          if (done[b]) {
            continue;
          }
          scores[b] += logProbs.data()[b * vocab + best[b]];
          if (step.attention() != null) {
            float[] row = new float[srcLen];
            System.arraycopy(step.attention().data(), b * srcLen, row, 0, srcLen);
            weights.get(b).add(row);
          }
          if (best[b] == Translator.EOS || t == options.maxLength(source.lengths()[b]) - 1) {
            done[b] = true;
            if (best[b] != Translator.EOS) {
              tokens.get(b).add(best[b]);
            }
          } else {
            tokens.get(b).add(best[b]);
            all = false;
          }
        }
        if (all && options.stopAtEos()) {
          break;
        }
        prev = best;
        state = step.next();
      }
      List<Hypothesis> out = new ArrayList<>(batch);
      for (int b = 0; b < batch; b++) {
        int[] ids = tokens.get(b).stream().mapToInt(Integer::intValue).toArray();
        float[][] att = weights.get(b).isEmpty() ? null : weights.get(b).toArray(new float[0][]);
        out.add(new Hypothesis(ids, scores[b], att));
      }
      return out;
    }
  }
}

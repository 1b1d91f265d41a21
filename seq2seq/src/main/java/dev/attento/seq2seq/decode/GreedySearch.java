package dev.attento.seq2seq.decode;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Reductions;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy decoding of a whole batch at once: at each step every unfinished sentence takes its
 * most probable next token (that does not repeat an n-gram, if the options block repeats).
 * A sentence leaves the batch once it has produced EOS (or reached its length limit), and the
 * search stops when none is left; with {@link DecodingOptions#stopAtEos()} off every row is
 * stepped to the longest limit (a fixed-length benchmark). A server that lets sentences join
 * a running batch uses {@link ContinuousGreedySearch}, which chooses tokens the same way.
 * Uses only the translator's decoding API ({@link Translator#start}, {@link Translator#step});
 * a large batch is decoded in parts, one per thread ({@link DecodingShards}).
 */
public final class GreedySearch {

  private GreedySearch() {}

  /** Decodes each sentence of {@code source}, in order, in the inference pass {@code fwd}. */
  public static List<Hypothesis> decode(Forward fwd, Translator model, SourceBatch source, DecodingOptions options) {
    return DecodingShards.decode(fwd, source, 1, (pass, part) -> decodeBatch(pass, model, part, options));
  }

  private static List<Hypothesis> decodeBatch(Forward fwd, Translator model, SourceBatch source,
                                              DecodingOptions options) {
    int batch = source.batchSize();
    DecoderState state = model.start(fwd, source);
    int maxLen = 0;
    for (int len : source.lengths()) {
      maxLen = Math.max(maxLen, options.maxLength(len));
    }
    // Decoder row r holds sentence sentenceOf[r]. When sentences end (and the search stops at
    // EOS), their rows leave the batch, as in beam search: a finished sentence would otherwise
    // be stepped until the batch's longest one ends, which doubled a batch's work per sentence.
    int[] sentenceOf = new int[batch];
    for (int b = 0; b < batch; b++) {
      sentenceOf[b] = b;
    }
    int[] prev = new int[batch];
    java.util.Arrays.fill(prev, SpecialTokens.BOS);
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
      Translator.Prediction step = model.step(fwd, prev, state);
      Tensor logProbs = step.logProbs();
      options.removeForbidden(logProbs.data(), logProbs.dim(1));
      int[] best = Reductions.argmax(logProbs);
      int vocab = logProbs.dim(1);
      int rows = sentenceOf.length;
      int live = 0;
      for (int r = 0; r < rows; r++) {
        int b = sentenceOf[r];
        if (done[b]) {
          continue;
        }
        if (options.noRepeatNgram() > 0) {
          best[r] = RepeatedNgrams.bestAllowed(logProbs.data(), r * vocab, vocab, best[r], tokens.get(b), options.noRepeatNgram());
        }
        scores[b] += logProbs.data()[r * vocab + best[r]];
        if (step.attention() != null) {
          float[] row = new float[srcLen];
          System.arraycopy(step.attention().data(), r * srcLen, row, 0, srcLen);
          weights.get(b).add(row);
        }
        if (best[r] == SpecialTokens.EOS || t == options.maxLength(source.lengths()[b]) - 1) {
          done[b] = true;
          if (best[r] != SpecialTokens.EOS) {
            tokens.get(b).add(best[r]);
          }
        } else {
          tokens.get(b).add(best[r]);
          live++;
        }
      }
      if (live == 0 && options.stopAtEos()) {
        break;
      }
      if (options.stopAtEos() && live < rows) {
        int[] keep = new int[live];
        int[] nextSentenceOf = new int[live];
        int[] nextPrev = new int[live];
        for (int r = 0, i = 0; r < rows; r++) {
          if (!done[sentenceOf[r]]) {
            keep[i] = r;
            nextSentenceOf[i] = sentenceOf[r];
            nextPrev[i++] = best[r];
          }
        }
        state = step.next().select(fwd, keep);
        sentenceOf = nextSentenceOf;
        prev = nextPrev;
      } else {
        state = step.next();
        prev = best;
      }
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

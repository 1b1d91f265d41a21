package dev.attento.seq2seq.data;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.data.TargetBatch;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.List;

/**
 * A padded batch ready for the model.
 *
 * @param source the source side
 * @param target the teacher-forced target side (BOS + target → target + EOS)
 * @param examples the examples in batch order
 */
public record Batch(SourceBatch source, TargetBatch target, List<Example> examples) {

  /** Pads {@code examples} into a batch. */
  public static Batch of(List<Example> examples) {
    int srcLen = 1;
    int tgtLen = 1;
    for (Example e : examples) {
      srcLen = Math.max(srcLen, e.source().length);
      tgtLen = Math.max(tgtLen, e.target().length + 1);
    }
    int n = examples.size();
    int[] src = new int[n * srcLen];
    int[] lengths = new int[n];
    int[] in = new int[n * tgtLen];
    int[] out = new int[n * tgtLen];
    for (int b = 0; b < n; b++) {
      Example e = examples.get(b);
      if (e.source().length == 0) {
        throw new IllegalArgumentException("example " + e.index() + " has an empty source");
      }
      System.arraycopy(e.source(), 0, src, b * srcLen, e.source().length);
      lengths[b] = e.source().length;
      in[b * tgtLen] = SpecialTokens.BOS;
      System.arraycopy(e.target(), 0, in, b * tgtLen + 1, Math.min(e.target().length, tgtLen - 1));
      System.arraycopy(e.target(), 0, out, b * tgtLen, e.target().length);
      out[b * tgtLen + e.target().length] = SpecialTokens.EOS;
    }
    return new Batch(new SourceBatch(src, lengths, srcLen), new TargetBatch(in, out, tgtLen), List.copyOf(examples));
  }

  /** Target tokens that count for the loss (target + EOS, no padding). */
  public int targetTokens() {
    return target.tokenCount(SpecialTokens.PAD);
  }
}

package dev.attento.seq2seq.data;

import dev.attento.core.tensor.Tensor;

/**
 * A padded batch of source sentences as the encoder needs it.
 *
 * @param ids row-major {@code [batch, length]} token ids, padded with PAD after each sentence
 * @param lengths the real length of each sentence (at least 1)
 * @param length the padded length
 */
public record SourceBatch(int[] ids, int[] lengths, int length) {

  public SourceBatch {
    if (ids.length != lengths.length * length) {
      throw new IllegalArgumentException("source batch: " + ids.length + " ids for " + lengths.length
          + " sentences of padded length " + length);
    }
    for (int len : lengths) {
      if (len < 1 || len > length) {
        throw new IllegalArgumentException("source batch: sentence length " + len + " outside [1, " + length + "]");
      }
    }
  }

  /** Number of sentences. */
  public int batchSize() {
    return lengths.length;
  }

  /** Sentences {@code [from, to)}, padded as before. */
  public SourceBatch rows(int from, int to) {
    return new SourceBatch(java.util.Arrays.copyOfRange(ids, from * length, to * length),
        java.util.Arrays.copyOfRange(lengths, from, to), length);
  }

  /** The sentences {@code order[0], order[1], …}: a reordering, or a selection of rows. */
  public SourceBatch permute(int[] order) {
    int[] p = new int[order.length * length];
    int[] l = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(ids, order[i] * length, p, i * length, length);
      l[i] = lengths[order[i]];
    }
    return new SourceBatch(p, l, length);
  }

  /** {@code [batch, length]} with 1 at real tokens and 0 at padding. */
  public Tensor mask() {
    float[] m = new float[ids.length];
    for (int b = 0; b < lengths.length; b++) {
      java.util.Arrays.fill(m, b * length, b * length + lengths[b], 1f);
    }
    return Tensor.of(m, lengths.length, length);
  }

  /**
   * The row permutation of the flattened {@code [batch·length]} steps that reverses each
   * sentence within its own length and leaves padding in place; it is its own inverse.
   */
  public int[] reversalPermutation() {
    int[] perm = new int[ids.length];
    for (int b = 0; b < lengths.length; b++) {
      for (int t = 0; t < length; t++) {
        perm[b * length + t] = b * length + (t < lengths[b] ? lengths[b] - 1 - t : t);
      }
    }
    return perm;
  }
}

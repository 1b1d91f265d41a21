package dev.attento.seq2seq.data;

/**
 * The target side of a teacher-forced batch.
 *
 * @param inputs row-major {@code [batch, length]}: BOS followed by the target, PAD after
 * @param outputs row-major {@code [batch, length]}: the target followed by EOS, PAD after;
 *     what the model must predict at each position
 * @param length the padded length
 */
public record TargetBatch(int[] inputs, int[] outputs, int length) {

  public TargetBatch {
    if (inputs.length != outputs.length || length <= 0 || inputs.length % length != 0) {
      throw new IllegalArgumentException("target batch: inputs " + inputs.length + " and outputs "
          + outputs.length + " do not form rows of length " + length);
    }
  }

  /** Number of sentences. */
  public int batchSize() {
    return inputs.length / length;
  }

  /** Per row, the number of output positions that are not {@code pad} (the target and EOS). */
  public int[] lengths(int pad) {
    int[] out = new int[batchSize()];
    for (int b = 0; b < out.length; b++) {
      for (int t = 0; t < length; t++) {
        out[b] += outputs[b * length + t] == pad ? 0 : 1;
      }
    }
    return out;
  }

  /** The sentences {@code order[0], order[1], …}: a reordering, or a selection of rows. */
  public TargetBatch permute(int[] order) {
    int[] in = new int[order.length * length];
    int[] out = new int[order.length * length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(inputs, order[i] * length, in, i * length, length);
      System.arraycopy(outputs, order[i] * length, out, i * length, length);
    }
    return new TargetBatch(in, out, length);
  }

  /** Number of positions that count for the loss (not PAD). */
  public int tokenCount(int pad) {
    int n = 0;
    for (int id : outputs) {
      n += id == pad ? 0 : 1;
    }
    return n;
  }
}

package dev.attento.core.ops;

import dev.attento.core.tensor.Tensor;

/**
 * Picks sub-tensors along the first axis by index: {@code out[i] = x[rows[i]]}. It reverses
 * padded sequences for bidirectional encoders, reorders beams, and underlies embedding
 * lookup. The backward scatters gradients back, summing where a row was picked twice.
 */
public final class IndexSelect {

  private IndexSelect() {}

  /** Rows of {@code x} (rank ≥ 1) in the given order; the result has {@code rows.length} rows. */
  public static Tensor rows(Forward fwd, Tensor x, int[] rows) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException("indexSelect: needs rank ≥ 1, got a scalar");
    }
    int n = x.dim(0);
    int width = n == 0 ? 0 : x.size() / n;
    float[] src = x.data();
    float[] y = fwd.floats(rows.length * width);
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      if (r < 0 || r >= n) {
        throw new IllegalArgumentException("indexSelect: index " + r + " at position " + i
            + " out of range for " + n + " rows");
      }
      System.arraycopy(src, r * width, y, i * width, width);
    }
    int[] shape = x.shape();
    shape[0] = rows.length;
    return fwd.record("indexSelect", Tensor.of(y, shape), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < rows.length; i++) {
        int s = i * width;
        int d = rows[i] * width;
        for (int j = 0; j < width; j++) {
          gx[d + j] += g[s + j];
        }
      }
    }, x);
  }
}

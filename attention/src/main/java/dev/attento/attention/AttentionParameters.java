package dev.attento.attention;

import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/** Initial values for attention weights. */
final class AttentionParameters {

  private AttentionParameters() {}

  /** {@code [rows, cols]} uniform in ±1/√cols (PyTorch's nn.Linear default). */
  static Tensor uniform(UniformRandomProvider random, int rows, int cols) {
    float bound = (float) (1 / Math.sqrt(cols));
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return cols == 1 ? Tensor.of(d, rows) : Tensor.of(d, rows, cols);
  }
}

package dev.attento.seq2seq.model;

import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Fresh parameters for the layers that the translator owns itself (embeddings, bridges,
 * output and attentional layers); cells and attention mechanisms initialise their own.
 */
final class Parameters {

  private Parameters() {}

  /** Uniform in ±{@code limit}, requiring a gradient. */
  static Tensor uniform(UniformRandomProvider random, float limit, int... shape) {
    Tensor t = Tensor.zeros(shape);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return t.requireGrad();
  }

  /**
   * A {@code [out, in]} weight, uniform in ±1/√in as PyTorch's {@code nn.Linear} initialises
   * it (He et al. 2015's bound for a=√5), keeping activations of unit scale.
   */
  static Tensor linearWeight(UniformRandomProvider random, int out, int in) {
    return uniform(random, (float) (1.0 / Math.sqrt(in)), out, in);
  }

  /** Zeros requiring a gradient (biases). */
  static Tensor zeros(int... shape) {
    return Tensor.zeros(shape).requireGrad();
  }
}

package dev.attento.core.ops;

import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Inverted dropout (Srivastava et al. 2014): during training each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1/(1-p)}, so inference needs
 * no rescaling. The mask comes from the pass's seeded generator ({@link Forward#random()}), so
 * runs are reproducible; a pass without one (inference) applies no dropout.
 */
public final class Dropout {

  private Dropout() {}

  /** Applies dropout in a training pass when {@code p > 0}; otherwise returns {@code x}. */
  public static Tensor dropout(Forward fwd, Tensor x, float p) {
    if (p < 0f || p >= 1f) {
      throw new IllegalArgumentException("dropout: probability must be in [0, 1), got " + p);
    }
    UniformRandomProvider rng = fwd.random();
    if (rng == null || p == 0f) {
      return x;
    }
    float keep = 1f / (1f - p);
    float[] in = x.data();
    float[] scale = fwd.floats(in.length);
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < in.length; i++) {
      scale[i] = rng.nextFloat() < p ? 0f : keep;
      y[i] = in[i] * scale[i];
    }
    return fwd.record("dropout", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * scale[i];
      }
    }, x);
  }
}

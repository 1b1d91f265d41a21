package dev.attento.core.ops;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Inverted dropout (Srivastava et al. 2014): during training each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1/(1-p)}, so inference needs
 * no rescaling. The mask comes from the run's seeded generator, so runs are reproducible.
 */
public final class Dropout {

  private Dropout() {}

  /** Applies dropout when {@code training} and {@code p > 0}; otherwise returns {@code x}. */
  public static Tensor dropout(Tensor x, float p, boolean training, UniformRandomProvider rng) {
    if (p < 0f || p >= 1f) {
      throw new IllegalArgumentException("dropout: probability must be in [0, 1), got " + p);
    }
    if (!training || p == 0f) {
      return x;
    }
    float keep = 1f / (1f - p);
    float[] in = x.data();
    float[] scale = new float[in.length];
    float[] y = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      scale[i] = rng.nextFloat() < p ? 0f : keep;
      y[i] = in[i] * scale[i];
    }
    return Autodiff.record("dropout", Tensor.of(y, x.shape()), g -> {
      float[] gx = x.gradBuffer();
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * scale[i];
      }
    }, x);
  }
}

package dev.attento.core.optim;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * Gradient clipping, the standard remedy for exploding gradients in RNNs (Pascanu et al.
 * 2013): rescale all gradients together when their global L2 norm exceeds a threshold,
 * which keeps the update's direction, or clamp each value.
 */
public final class GradientClipping {

  private GradientClipping() {}

  /**
   * The global L2 norm of the gradients of {@code parameters}, summed in their order, in
   * double (NaN or ∞ if any gradient is).
   */
  public static double globalNorm(List<Tensor> parameters, Gradients gradients) {
    double sum = 0;
    for (Tensor p : parameters) {
      float[] g = gradients.get(p);
      if (g != null) {
        for (float v : g) {
          sum += (double) v * v;
        }
      }
    }
    return Math.sqrt(sum);
  }

  /**
   * Scales every gradient by {@code maxNorm / norm} when the global norm exceeds
   * {@code maxNorm}. A non-finite norm is left alone for the caller to handle (stop or skip
   * the batch): rescaling NaNs would only hide them.
   *
   * @return the norm before clipping, for logging
   */
  public static double clipByGlobalNorm(List<Tensor> parameters, Gradients gradients, double maxNorm) {
    double norm = globalNorm(parameters, gradients);
    if (Double.isFinite(norm) && maxNorm > 0 && norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Tensor p : parameters) {
        float[] g = gradients.get(p);
        if (g != null) {
          for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
          }
        }
      }
    }
    return norm;
  }

  /** Clamps every gradient value into {@code [-limit, limit]}. */
  public static void clipByValue(List<Tensor> parameters, Gradients gradients, float limit) {
    for (Tensor p : parameters) {
      float[] g = gradients.get(p);
      if (g != null) {
        for (int i = 0; i < g.length; i++) {
          g[i] = Math.max(-limit, Math.min(limit, g[i]));
        }
      }
    }
  }
}

package dev.attento.core.optim;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.parallel.Slices;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * Gradient clipping, the standard remedy for exploding gradients in RNNs (Pascanu et al.
 * 2013): rescale all gradients together when their global L2 norm exceeds a threshold,
 * which keeps the update's direction, or clamp each value.
 */
public final class GradientClipping {

  private GradientClipping() {}

  /** {@link #globalNorm(List, Gradients, WorkerPool)} on the calling thread. */
  public static double globalNorm(List<Tensor> parameters, Gradients gradients) {
    return globalNorm(parameters, gradients, WorkerPool.single());
  }

  /**
   * The global L2 norm of the gradients of {@code parameters}, in double (NaN or ∞ if any
   * gradient is). Squares are summed per block of {@link Slices#BLOCK} elements of each
   * gradient, four interleaved partial sums to a block, and the blocks' sums added in
   * parameter order: the same bits for every thread count, the blocks shared out over
   * {@code pool}.
   */
  public static double globalNorm(List<Tensor> parameters, Gradients gradients, WorkerPool pool) {
    float[][] g = present(parameters, gradients);
    int[] lengths = lengths(g);
    double[] blocks = new double[Slices.blockCount(lengths)];
    Slices.blocks(pool, lengths, (b, a, from, to) -> blocks[b] = sumOfSquares(g[a], from, to));
    double sum = 0;
    for (double s : blocks) {
      sum += s;
    }
    return Math.sqrt(sum);
  }

  /** {@link #clipByGlobalNorm(List, Gradients, double, WorkerPool)} on the calling thread. */
  public static double clipByGlobalNorm(List<Tensor> parameters, Gradients gradients, double maxNorm) {
    return clipByGlobalNorm(parameters, gradients, maxNorm, WorkerPool.single());
  }

  /**
   * Scales every gradient by {@code maxNorm / norm} when the global norm exceeds
   * {@code maxNorm}, on {@code pool}'s threads. A non-finite norm is left alone for the caller
   * to handle (stop or skip the batch): rescaling NaNs would only hide them.
   *
   * @return the norm before clipping, for logging
   */
  public static double clipByGlobalNorm(List<Tensor> parameters, Gradients gradients, double maxNorm,
                                        WorkerPool pool) {
    double norm = globalNorm(parameters, gradients, pool);
    if (Double.isFinite(norm) && maxNorm > 0 && norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      float[][] g = present(parameters, gradients);
      Slices.forEach(pool, lengths(g), (a, from, to) -> {
        float[] x = g[a];
        for (int i = from; i < to; i++) {
          x[i] *= scale;
        }
      });
    }
    return norm;
  }

  /** {@link #clipByValue(List, Gradients, float, WorkerPool)} on the calling thread. */
  public static void clipByValue(List<Tensor> parameters, Gradients gradients, float limit) {
    clipByValue(parameters, gradients, limit, WorkerPool.single());
  }

  /** Clamps every gradient value into {@code [-limit, limit]}, on {@code pool}'s threads. */
  public static void clipByValue(List<Tensor> parameters, Gradients gradients, float limit, WorkerPool pool) {
    float[][] g = present(parameters, gradients);
    Slices.forEach(pool, lengths(g), (a, from, to) -> {
      float[] x = g[a];
      for (int i = from; i < to; i++) {
        x[i] = Math.max(-limit, Math.min(limit, x[i]));
      }
    });
  }

  /** Σ x[i]² over {@code [from, to)} in four interleaved partial sums: independent chains, a fixed order. */
  private static double sumOfSquares(float[] x, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += (double) x[i] * x[i];
      s1 += (double) x[i + 1] * x[i + 1];
      s2 += (double) x[i + 2] * x[i + 2];
      s3 += (double) x[i + 3] * x[i + 3];
    }
    for (; i < to; i++) {
      s0 += (double) x[i] * x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The gradients of those {@code parameters} that have one, in order. */
  private static float[][] present(List<Tensor> parameters, Gradients gradients) {
    return parameters.stream().map(gradients::get).filter(java.util.Objects::nonNull).toArray(float[][]::new);
  }

  private static int[] lengths(float[][] arrays) {
    int[] n = new int[arrays.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = arrays[i].length;
    }
    return n;
  }
}

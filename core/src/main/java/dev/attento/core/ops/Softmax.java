package dev.attento.core.ops;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.tensor.Tensor;

/**
 * Softmax and log-softmax over the last dimension, stabilised by subtracting each row's
 * maximum (softmax is invariant to it, and it keeps exp() from overflowing). A position set
 * to a very negative value (see {@link Masking#maskedFill}) gets a weight of exactly zero.
 */
public final class Softmax {

  private Softmax() {}

  /** softmax(x)_j = exp(x_j - max) / Σ_k exp(x_k - max), row by row. */
  public static Tensor softmax(Forward fwd, Tensor x) {
    int cols = x.dim(-1);
    int rows = cols == 0 ? 0 : x.size() / cols;
    float[] y = fwd.floats(x.size());
    float[] in = x.data();
    for (int r = 0; r < rows; r++) {
      softmaxRow(fwd.kernels().nonlinear(), in, y, r * cols, cols);
    }
    return fwd.record("softmax", Tensor.of(y, x.shape()), (g, into) -> backward(g, y, rows, cols, into.of(x)), x);
  }

  /**
   * Softmax over the positions where {@code keep} is non-zero; the others get exactly zero
   * weight (not merely a tiny one), so padding can never leak into an attention context.
   *
   * @param x scores {@code [..., n]}
   * @param keep 1/0 of the same shape
   */
  public static Tensor maskedSoftmax(Forward fwd, Tensor x, Tensor keep) {
    dev.attento.core.tensor.Shapes.requireSame("maskedSoftmax", x, keep);
    int cols = x.dim(-1);
    int rows = cols == 0 ? 0 : x.size() / cols;
    float[] in = x.data();
    float[] k = keep.data();
    float[] y = fwd.floats(x.size());
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < cols; j++) {
        if (k[base + j] != 0f) {
          max = Math.max(max, in[base + j]);
        }
      }
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        if (k[base + j] != 0f) {
          double e = Math.exp(in[base + j] - max);
          y[base + j] = (float) e;
          sum += e;
        }
      }
      float inv = sum == 0 ? 0f : (float) (1.0 / sum);
      for (int j = 0; j < cols; j++) {
        y[base + j] *= inv;
      }
    }
    return fwd.record("maskedSoftmax", Tensor.of(y, x.shape()), (g, into) -> backward(g, y, rows, cols, into.of(x)), x);
  }

  /** Softmax's backward: ∂x_j = y_j (g_j - Σ_k g_k y_k); masked positions have y = 0. */
  private static void backward(float[] g, float[] y, int rows, int cols, float[] gx) {
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      double dot = 0;
      for (int j = 0; j < cols; j++) {
        dot += (double) g[base + j] * y[base + j];
      }
      for (int j = 0; j < cols; j++) {
        gx[base + j] += (float) (y[base + j] * (g[base + j] - dot));
      }
    }
  }

  /** log softmax(x)_j = x_j - max - log Σ_k exp(x_k - max), row by row. */
  public static Tensor logSoftmax(Forward fwd, Tensor x) {
    int cols = x.dim(-1);
    int rows = cols == 0 ? 0 : x.size() / cols;
    float[] y = fwd.floats(x.size());
    float[] in = x.data();
    float[] scratch = fwd.floats(cols);
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      double lse = logSumExp(fwd.kernels().nonlinear(), in, base, cols, scratch);
      for (int j = 0; j < cols; j++) {
        y[base + j] = (float) (in[base + j] - lse);
      }
    }
    return fwd.record("logSoftmax", Tensor.of(y, x.shape()), (g, into) -> {
      // ∂x_j = g_j - softmax_j Σ_k g_k
      float[] gx = into.of(x);
      float[] softmax = fwd.floats(cols);
      for (int r = 0; r < rows; r++) {
        int base = r * cols;
        double total = 0;
        for (int j = 0; j < cols; j++) {
          total += g[base + j];
        }
        fwd.kernels().nonlinear().expShifted(y, base, 0f, softmax, 0, cols);
        for (int j = 0; j < cols; j++) {
          gx[base + j] += (float) (g[base + j] - softmax[j] * total);
        }
      }
    }, x);
  }

  /**
   * Writes softmax of {@code in[off, off+n)} into {@code out} at the same offsets. The
   * exponentials come from the vectorised {@link Kernels#nonlinear() kernel}; they are summed
   * in double, in order.
   */
  public static void softmaxRow(Nonlinear nonlinear, float[] in, float[] out, int off, int n) {
    nonlinear.expShifted(in, off, max(in, off, n), out, off, n);
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += out[off + j];
    }
    float inv = (float) (1.0 / sum);
    for (int j = 0; j < n; j++) {
      out[off + j] *= inv;
    }
  }

  /**
   * log Σ exp over {@code in[off, off+n)}, stabilised by the maximum.
   *
   * @param scratch at least {@code n} floats, overwritten (the exponentials)
   */
  public static double logSumExp(Nonlinear nonlinear, float[] in, int off, int n, float[] scratch) {
    float max = max(in, off, n);
    nonlinear.expShifted(in, off, max, scratch, 0, n);
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += scratch[j];
    }
    return max + Math.log(sum);
  }

  private static float max(float[] in, int off, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, in[off + j]);
    }
    return max;
  }
}

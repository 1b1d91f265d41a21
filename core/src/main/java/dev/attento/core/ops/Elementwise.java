package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Element-wise square root, reciprocal square root, clamping, and the minimum and maximum of
 * two tensors: the ops a cell needs for normalisation and for bounded activations. Forward and
 * backward side by side, each derivative stated in its Javadoc.
 */
public final class Elementwise {

  private Elementwise() {}

  /**
   * √x. Derivative: d√x/dx = 1/(2√x) = 1/(2y); at x = 0 it is infinite, so keep inputs
   * positive (add an ε).
   */
  public static Tensor sqrt(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.sqrt(in[i]);
    }
    return fwd.record("sqrt", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * 0.5f / y[i];
      }
    }, x);
  }

  /**
   * 1/√x. Derivative: d(x^{-1/2})/dx = −½·x^{-3/2} = −½·y³. Computed in double, so
   * {@code rsqrt(x)} is 1/√x correctly rounded to float.
   */
  public static Tensor rsqrt(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (1.0 / Math.sqrt(in[i]));
    }
    return fwd.record("rsqrt", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * -0.5f * y[i] * y[i] * y[i];
      }
    }, x);
  }

  /**
   * min(max(x, lo), hi). Derivative: 1 where lo &lt; x &lt; hi, 0 where x is clamped (at a
   * bound exactly, 0 as well, as in PyTorch's {@code clamp} for the bound that binds).
   *
   * @throws IllegalArgumentException if {@code lo > hi}
   */
  public static Tensor clamp(Forward fwd, Tensor x, float lo, float hi) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("clamp: lower bound " + lo + " is above the upper bound " + hi);
    }
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.min(Math.max(in[i], lo), hi);
    }
    return fwd.record("clamp", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        if (in[i] > lo && in[i] < hi) {
          gx[i] += g[i];
        }
      }
    }, x);
  }

  /**
   * Element-wise min(a, b); {@code b} may broadcast as in {@link Arithmetic} (its shape a
   * suffix of {@code a}'s). Derivative: the gradient goes to the smaller operand, to {@code a}
   * on a tie.
   */
  public static Tensor minimum(Forward fwd, Tensor a, Tensor b) {
    return select(fwd, "minimum", a, b, true);
  }

  /**
   * Element-wise max(a, b), broadcasting as {@link #minimum}. Derivative: the gradient goes
   * to the larger operand, to {@code a} on a tie.
   */
  public static Tensor maximum(Forward fwd, Tensor a, Tensor b) {
    return select(fwd, "maximum", a, b, false);
  }

  private static Tensor select(Forward fwd, String op, Tensor a, Tensor b, boolean smaller) {
    if (!Shapes.isSuffix(a.shape(), b.shape())) {
      throw Shapes.mismatch(op, a, b);
    }
    float[] x = a.data();
    float[] z = b.data();
    int nb = z.length;
    float[] y = fwd.floats(x.length);
    boolean[] fromA = new boolean[x.length];
    for (int i = 0; i < y.length; i++) {
      float zi = z[nb == 0 ? 0 : i % nb];
      fromA[i] = smaller ? x[i] <= zi : x[i] >= zi;
      y[i] = fromA[i] ? x[i] : zi;
    }
    return fwd.record(op, Tensor.of(y, a.shape()), (g, into) -> {
      float[] ga = into.wants(a) ? into.of(a) : null;
      float[] gb = into.wants(b) ? into.of(b) : null;
      for (int i = 0; i < g.length; i++) {
        if (fromA[i]) {
          if (ga != null) {
            ga[i] += g[i];
          }
        } else if (gb != null) {
          gb[i % nb] += g[i];
        }
      }
    }, a, b);
  }
}

package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Element-wise add, subtract, multiply and divide, with broadcasting over the leading
 * dimension: {@code b}'s shape may be a suffix of {@code a}'s (a bias {@code [H]} added to
 * every row of {@code [B, H]}, or a scalar {@code []} to everything). The result has
 * {@code a}'s shape. A broadcast operand receives the sum of the gradients of the positions
 * it was repeated over.
 */
public final class Arithmetic {

  private Arithmetic() {}

  private enum Kind { ADD, SUB, MUL, DIV }

  /** {@code a + b}. */
  public static Tensor add(Forward fwd, Tensor a, Tensor b) {
    return binary(fwd, Kind.ADD, a, b);
  }

  /** {@code a - b}. */
  public static Tensor sub(Forward fwd, Tensor a, Tensor b) {
    return binary(fwd, Kind.SUB, a, b);
  }

  /** {@code a * b} element-wise (Hadamard product). */
  public static Tensor mul(Forward fwd, Tensor a, Tensor b) {
    return binary(fwd, Kind.MUL, a, b);
  }

  /** {@code a / b} element-wise. */
  public static Tensor div(Forward fwd, Tensor a, Tensor b) {
    return binary(fwd, Kind.DIV, a, b);
  }

  /** {@code a * s} for a constant {@code s}. */
  public static Tensor scale(Forward fwd, Tensor a, float s) {
    float[] x = a.data();
    float[] y = fwd.floats(x.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] * s;
    }
    Tensor out = Tensor.of(y, a.shape());
    return fwd.record("scale", out, (g, into) -> {
      float[] ga = into.of(a);
      for (int i = 0; i < g.length; i++) {
        ga[i] += g[i] * s;
      }
    }, a);
  }

  /** {@code a + s} for a constant {@code s}. */
  public static Tensor addScalar(Forward fwd, Tensor a, float s) {
    float[] x = a.data();
    float[] y = fwd.floats(x.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + s;
    }
    Tensor out = Tensor.of(y, a.shape());
    return fwd.record("addScalar", out, (g, into) -> addInto(into.of(a), g), a);
  }

  /** {@code dst += src}, the backward of every op that passes its gradient straight through. */
  public static void addInto(float[] dst, float[] src) {
    for (int i = 0; i < src.length; i++) {
      dst[i] += src[i];
    }
  }

  private static Tensor binary(Forward fwd, Kind kind, Tensor a, Tensor b) {
    String op = kind.name().toLowerCase();
    if (!Shapes.isSuffix(a.shape(), b.shape())) {
      throw Shapes.mismatch(op, a, b);
    }
    float[] x = a.data();
    float[] z = b.data();
    int nb = z.length;
    int reps = nb == 0 ? 0 : x.length / nb;
    float[] y = fwd.floats(x.length);
    for (int r = 0, base = 0; r < reps; r++, base += nb) {
      switch (kind) {
        case ADD -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] + z[j]; }
        case SUB -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] - z[j]; }
        case MUL -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] * z[j]; }
        case DIV -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] / z[j]; }
      }
    }
    Tensor out = Tensor.of(y, a.shape());
    return fwd.record(op, out, (g, into) -> {
      if (into.wants(a)) {
        float[] ga = into.of(a);
        for (int r = 0, base = 0; r < reps; r++, base += nb) {
          switch (kind) {
            case ADD, SUB -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j]; }
            case MUL -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j] * z[j]; }
            case DIV -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j] / z[j]; }
          }
        }
      }
      if (into.wants(b)) {
        float[] gb = into.of(b);
        for (int r = 0, base = 0; r < reps; r++, base += nb) {
          switch (kind) {
            case ADD -> { for (int j = 0; j < nb; j++) gb[j] += g[base + j]; }
            case SUB -> { for (int j = 0; j < nb; j++) gb[j] -= g[base + j]; }
            case MUL -> { for (int j = 0; j < nb; j++) gb[j] += g[base + j] * x[base + j]; }
            // d(x/z)/dz = -x/z² = -y/z
            case DIV -> { for (int j = 0; j < nb; j++) gb[j] -= g[base + j] * y[base + j] / z[j]; }
          }
        }
      }
    }, a, b);
  }
}

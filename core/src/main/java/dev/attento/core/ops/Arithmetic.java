package dev.attento.core.ops;

import dev.attento.core.autodiff.Autodiff;
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
  public static Tensor add(Tensor a, Tensor b) {
    return binary(Kind.ADD, a, b);
  }

  /** {@code a - b}. */
  public static Tensor sub(Tensor a, Tensor b) {
    return binary(Kind.SUB, a, b);
  }

  /** {@code a * b} element-wise (Hadamard product). */
  public static Tensor mul(Tensor a, Tensor b) {
    return binary(Kind.MUL, a, b);
  }

  /** {@code a / b} element-wise. */
  public static Tensor div(Tensor a, Tensor b) {
    return binary(Kind.DIV, a, b);
  }

  /** {@code a * s} for a constant {@code s}. */
  public static Tensor scale(Tensor a, float s) {
    float[] x = a.data();
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] * s;
    }
    Tensor out = Tensor.of(y, a.shape());
    return Autodiff.record("scale", out, g -> {
      float[] ga = a.gradBuffer();
      for (int i = 0; i < g.length; i++) {
        ga[i] += g[i] * s;
      }
    }, a);
  }

  /** {@code a + s} for a constant {@code s}. */
  public static Tensor addScalar(Tensor a, float s) {
    float[] x = a.data();
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + s;
    }
    Tensor out = Tensor.of(y, a.shape());
    return Autodiff.record("addScalar", out, g -> addInto(a.gradBuffer(), g), a);
  }

  /** {@code dst += src}, the backward of every op that passes its gradient straight through. */
  public static void addInto(float[] dst, float[] src) {
    for (int i = 0; i < src.length; i++) {
      dst[i] += src[i];
    }
  }

  private static Tensor binary(Kind kind, Tensor a, Tensor b) {
    String op = kind.name().toLowerCase();
    if (!Shapes.isSuffix(a.shape(), b.shape())) {
      throw Shapes.mismatch(op, a, b);
    }
    float[] x = a.data();
    float[] z = b.data();
    int nb = z.length;
    int reps = nb == 0 ? 0 : x.length / nb;
    float[] y = new float[x.length];
    for (int r = 0, base = 0; r < reps; r++, base += nb) {
      switch (kind) {
        case ADD -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] + z[j]; }
        case SUB -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] - z[j]; }
        case MUL -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] * z[j]; }
        case DIV -> { for (int j = 0; j < nb; j++) y[base + j] = x[base + j] / z[j]; }
      }
    }
    Tensor out = Tensor.of(y, a.shape());
    return Autodiff.record(op, out, g -> {
      if (a.requiresGrad()) {
        float[] ga = a.gradBuffer();
        for (int r = 0, base = 0; r < reps; r++, base += nb) {
          switch (kind) {
            case ADD, SUB -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j]; }
            case MUL -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j] * z[j]; }
            case DIV -> { for (int j = 0; j < nb; j++) ga[base + j] += g[base + j] / z[j]; }
          }
        }
      }
      if (b.requiresGrad()) {
        float[] gb = b.gradBuffer();
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

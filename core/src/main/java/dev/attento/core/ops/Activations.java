package dev.attento.core.ops;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;

/**
 * Element-wise non-linearities. Each backward is written in terms of the output where that
 * is cheaper (tanh' = 1 - y², σ' = y(1 - y), exp' = y), so no input copy is kept.
 *
 * <p>The scalar functions {@link #tanh(float)} and {@link #sigmoid(float)} are public for
 * kernels that compose these ops by hand (Elman cell, additive attention). The LSTM and GRU
 * gate kernels use {@link dev.attento.core.kernels.Kernels#nonlinear()} instead, whose float
 * formulas differ from these by at most a few ulps. Both are reproducible: {@link Math#exp}
 * gives the same bits in the interpreter and compiled code (checked on JDK 17 and 25), unlike
 * the Vector API's lane-wise {@code EXP}.
 */
public final class Activations {

  private Activations() {}

  /**
   * tanh via exp, computed in double: {@code 1 - 2/(e^{2x}+1)}. On JDK 17 {@link Math#tanh}
   * is the slow fdlibm routine, while {@link Math#exp} is an intrinsic; in double the
   * cancellation near 0 costs nothing visible in float32.
   */
  public static float tanh(float x) {
    return (float) (1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0));
  }

  /** The logistic function σ(x) = 1/(1+e^{-x}), in double. */
  public static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  /** Hyperbolic tangent, on the {@linkplain Kernels#nonlinear() gate kernel} (vectorised where possible). */
  public static Tensor tanh(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    fwd.kernels().nonlinear().tanh(in, 0, y, 0, in.length);
    return fwd.record("tanh", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * (1f - y[i] * y[i]);
      }
    }, x);
  }

  /** Logistic sigmoid, on the {@linkplain Kernels#nonlinear() gate kernel}. */
  public static Tensor sigmoid(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    fwd.kernels().nonlinear().sigmoid(in, 0, y, 0, in.length);
    return fwd.record("sigmoid", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * y[i] * (1f - y[i]);
      }
    }, x);
  }

  /** Rectified linear unit, max(0, x); the derivative at 0 is taken as 0, as in PyTorch. */
  public static Tensor relu(Forward fwd, Tensor x) {
    return leakyRelu(fwd, x, 0f, "relu");
  }

  /** Leaky ReLU (Maas et al. 2013): x for x &gt; 0, slope·x otherwise. */
  public static Tensor leakyRelu(Forward fwd, Tensor x, float slope) {
    return leakyRelu(fwd, x, slope, "leakyRelu");
  }

  private static Tensor leakyRelu(Forward fwd, Tensor x, float slope, String name) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      // "+ 0f" turns ReLU's -0.0 (0·negative) into +0.0, as PyTorch prints it.
      y[i] = in[i] > 0f ? in[i] : slope * in[i] + 0f;
    }
    return fwd.record(name, Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += in[i] > 0f ? g[i] : slope * g[i];
      }
    }, x);
  }

  /** Natural exponential. */
  public static Tensor exp(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.exp(in[i]);
    }
    return fwd.record("exp", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * y[i];
      }
    }, x);
  }

  /** Natural logarithm. */
  public static Tensor log(Forward fwd, Tensor x) {
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.log(in[i]);
    }
    return fwd.record("log", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] / in[i];
      }
    }, x);
  }
}

package dev.attento.cells.builtin;

import dev.attento.cells.fused.GateFunction;
import dev.attento.cells.spi.CellSpec;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.ops.Activations;
import java.util.Locale;

/**
 * The Elman (1990) recurrent network, PyTorch's {@code nn.RNN}:
 * {@code h' = φ(W_ih x + b_ih + W_hh h + b_hh)} with φ = tanh, ReLU or leaky ReLU.
 *
 * <p>The gradient through k steps is a product of k Jacobians {@code diag(φ')·W_hh}: with
 * tanh (φ' ≤ 1) and a contracting W_hh it vanishes exponentially, with a spectral radius
 * above 1 it can explode (Bengio et al. 1994; Pascanu et al. 2013). ReLU with an identity
 * initialisation (IRNN, Le et al. 2015) is one remedy; gated cells are the usual one.
 */
final class ElmanGates implements GateFunction {

  /** The non-linearity. */
  enum Activation { TANH, RELU, LEAKY_RELU }

  private final Activation activation;
  private final float slope;

  private ElmanGates(Activation activation, float slope) {
    this.activation = activation;
    this.slope = slope;
  }

  /** The gates of the {@code activation} and {@code leaky_slope} options of {@code spec}. */
  static ElmanGates of(CellSpec spec) {
    String name = spec.option("activation");
    try {
      return new ElmanGates(Activation.valueOf(name.toUpperCase(Locale.ROOT)), spec.floatOption("leaky_slope"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rnn option activation: '" + name + "' is not one of tanh, relu, leaky_relu");
    }
  }

  @Override
  public int gates() {
    return 1;
  }

  @Override
  public int stateParts() {
    return 1;
  }

  /** φ'(a) per unit, which is all the backward pass needs. */
  @Override
  public int savedWidth(int hidden) {
    return hidden;
  }

  @Override
  public void forward(Nonlinear nl, int rows, int h, float[] xp, float[] hp, float[][] prev, float[][] next,
                      float[] deriv) {
    float[] out = next[0];
    for (int i = 0; i < rows * h; i++) {
      float a = xp[i] + hp[i];
      switch (activation) {
        case TANH -> {
          float y = Activations.tanh(a);
          out[i] = y;
          deriv[i] = 1 - y * y;
        }
        case RELU -> {
          out[i] = a > 0 ? a : 0f;
          deriv[i] = a > 0 ? 1f : 0f;
        }
        case LEAKY_RELU -> {
          out[i] = a > 0 ? a : slope * a;
          deriv[i] = a > 0 ? 1f : slope;
        }
      }
    }
  }

  @Override
  public void backward(int rows, int h, float[][] dNext, float[] deriv, float[][] prev, float[] dxp, float[] dhp,
                       float[][] dPrev) {
    for (int i = 0; i < rows * h; i++) {
      float d = dNext[0][i] * deriv[i];
      dxp[i] = d;
      dhp[i] = d;
      dPrev[0][i] = 0f;
    }
  }
}

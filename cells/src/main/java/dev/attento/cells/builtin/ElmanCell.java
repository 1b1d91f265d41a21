package dev.attento.cells.builtin;

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
final class ElmanCell extends ProjectedCell {

  /** The non-linearity. */
  enum Activation { TANH, RELU, LEAKY_RELU }

  private final Activation activation;
  private final float slope;

  ElmanCell(CellSpec spec) {
    super(spec, 1);
    String name = spec.option("activation");
    try {
      this.activation = Activation.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rnn option activation: '" + name + "' is not one of tanh, relu, leaky_relu");
    }
    this.slope = spec.floatOption("leaky_slope");
  }

  @Override
  int stateParts() {
    return 1;
  }

  @Override
  int savedWidth() {
    return hiddenSize;
  }

  /** Saves φ'(a) per unit, which is all the backward pass needs. */
  @Override
  void forwardKernel(Nonlinear nl, int rows, float[] xp, int[] xRow, float[] hp, float[][] prev, float[][] next, float[] deriv) {
    int h = hiddenSize;
    float[] out = next[0];
    for (int r = 0; r < rows; r++) {
      int xo = xRow[r];
      int so = r * h;
      for (int j = 0; j < h; j++) {
        float a = xp[xo + j] + hp[so + j];
        switch (activation) {
          case TANH -> {
            float y = Activations.tanh(a);
            out[so + j] = y;
            deriv[so + j] = 1 - y * y;
          }
          case RELU -> {
            out[so + j] = a > 0 ? a : 0f;
            deriv[so + j] = a > 0 ? 1f : 0f;
          }
          case LEAKY_RELU -> {
            out[so + j] = a > 0 ? a : slope * a;
            deriv[so + j] = a > 0 ? 1f : slope;
          }
        }
      }
    }
  }

  @Override
  void backwardKernel(int rows, float[][] dNext, float[] deriv, float[][] prev, float[] dxp, int[] xRow,
                      float[] dhp, float[][] dPrev) {
    int h = hiddenSize;
    java.util.Arrays.fill(dPrev[0], 0, rows * h, 0f);
    for (int r = 0; r < rows; r++) {
      int xo = xRow[r];
      int so = r * h;
      for (int j = 0; j < h; j++) {
        float d = dNext[0][so + j] * deriv[so + j];
        dxp[xo + j] += d;
        dhp[so + j] = d;
      }
    }
  }
}

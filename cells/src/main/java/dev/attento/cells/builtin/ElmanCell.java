package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.ops.Activations;
import dev.attento.core.tensor.Tensor;
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
  CellState fusedStep(Tensor xp, int t, Tensor hp, CellState previous, float[] keep) {
    Tensor hPrev = previous.output();
    int batch = hPrev.dim(0);
    int h = hPrev.dim(1);
    int time = xp.dim(1);
    float[] x = xp.data();
    float[] hh = hp.data();
    float[] prev = hPrev.data();
    float[] out = new float[batch * h];
    float[] deriv = new float[batch * h];
    for (int b = 0; b < batch; b++) {
      int xo = (b * time + t) * h;
      int so = b * h;
      if (keep != null && keep[b] == 0f) {
        System.arraycopy(prev, so, out, so, h);
        continue;
      }
      for (int j = 0; j < h; j++) {
        float a = x[xo + j] + hh[so + j];
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
    Tensor next = Autodiff.record("rnn", Tensor.of(out, batch, h), g -> {
      float[] gx = xp.requiresGrad() ? xp.gradBuffer() : null;
      float[] gh = hp.requiresGrad() ? hp.gradBuffer() : null;
      float[] gPrev = hPrev.requiresGrad() ? hPrev.gradBuffer() : null;
      for (int b = 0; b < batch; b++) {
        int xo = (b * time + t) * h;
        int so = b * h;
        boolean kept = keep == null || keep[b] != 0f;
        for (int j = 0; j < h; j++) {
          if (!kept) {
            if (gPrev != null) {
              gPrev[so + j] += g[so + j];
            }
            continue;
          }
          float d = g[so + j] * deriv[so + j];
          if (gx != null) {
            gx[xo + j] += d;
          }
          if (gh != null) {
            gh[so + j] += d;
          }
        }
      }
    }, xp, hp, hPrev);
    return CellState.of(next);
  }
}

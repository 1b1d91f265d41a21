package dev.attento.cells.builtin;

import dev.attento.cells.fused.GateFunction;
import dev.attento.core.kernels.Nonlinear;

/**
 * Long short-term memory (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et
 * al. 2000), in PyTorch's formulation and gate order i, f, g, o:
 *
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)      f = σ(W_if x + b_if + W_hf h + b_hf)
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)   o = σ(W_io x + b_io + W_ho h + b_ho)
 *   c' = f ⊙ c + i ⊙ g                        h' = o ⊙ tanh(c')
 * </pre>
 *
 * The additive cell update is why gradients survive long distances: ∂c'/∂c = f, with no
 * squashing non-linearity in between. The forget-gate bias starts at {@code forget_bias}
 * (1.0 by default, Jozefowicz et al. 2015; set by {@link LstmProvider}) so the cell remembers
 * from the start.
 *
 * <p>This is the element-wise part; {@link dev.attento.cells.fused.FusedCell} supplies the
 * projections. Gate activations are computed once and kept for the backward pass.
 */
final class LstmGates implements GateFunction {

  static final LstmGates INSTANCE = new LstmGates();

  private LstmGates() {}

  @Override
  public int gates() {
    return 4;
  }

  @Override
  public int stateParts() {
    return 2;
  }

  /** The activated gates i, f, g, o and tanh(c') per row: {@code [i | f | g | o | tanh c']}. */
  @Override
  public int savedWidth(int hidden) {
    return 5 * hidden;
  }

  @Override
  public void forward(Nonlinear nl, int rows, int h, float[] xp, float[] hp, float[][] prev, float[][] next,
                      float[] saved) {
    float[] cPrev = prev[1];
    float[] hOut = next[0];
    float[] cOut = next[1];
    for (int r = 0; r < rows; r++) {
      int go = r * 4 * h;
      int so = r * h;
      int sv = r * 5 * h;
      for (int j = 0; j < 4 * h; j++) {
        saved[sv + j] = xp[go + j] + hp[go + j];
      }
      // The non-linearities a whole gate block at a time (vectorised).
      nl.sigmoid(saved, sv, saved, sv, 2 * h);
      nl.tanh(saved, sv + 2 * h, saved, sv + 2 * h, h);
      nl.sigmoid(saved, sv + 3 * h, saved, sv + 3 * h, h);
      for (int j = 0; j < h; j++) {
        cOut[so + j] = saved[sv + h + j] * cPrev[so + j] + saved[sv + j] * saved[sv + 2 * h + j];
      }
      nl.tanh(cOut, so, saved, sv + 4 * h, h);
      for (int j = 0; j < h; j++) {
        hOut[so + j] = saved[sv + 3 * h + j] * saved[sv + 4 * h + j];
      }
    }
  }

  /**
   * With {@code ∂c = ∂c' + ∂h'·o·(1 - tanh²c')}: ∂i = ∂c·g·i(1-i), ∂f = ∂c·c·f(1-f),
   * ∂g = ∂c·i·(1-g²), ∂o = ∂h'·tanh c'·o(1-o), and ∂c_prev = ∂c·f. Both projections get the
   * same gradient; the previous h reaches the step only through hp, so its direct gradient is zero.
   */
  @Override
  public void backward(int rows, int h, float[][] dNext, float[] saved, float[][] prev, float[] dxp, float[] dhp,
                       float[][] dPrev) {
    float[] cPrev = prev[1];
    float[] dh = dNext[0];
    float[] dcNext = dNext[1];
    java.util.Arrays.fill(dPrev[0], 0, rows * h, 0f);
    for (int r = 0; r < rows; r++) {
      int go = r * 4 * h;
      int so = r * h;
      int sv = r * 5 * h;
      for (int j = 0; j < h; j++) {
        float i = saved[sv + j];
        float f = saved[sv + h + j];
        float g = saved[sv + 2 * h + j];
        float o = saved[sv + 3 * h + j];
        float tc = saved[sv + 4 * h + j];
        float d = dh[so + j];
        float dc = dcNext[so + j] + d * o * (1 - tc * tc);
        dhp[go + j] = dc * g * i * (1 - i);
        dhp[go + h + j] = dc * cPrev[so + j] * f * (1 - f);
        dhp[go + 2 * h + j] = dc * i * (1 - g * g);
        dhp[go + 3 * h + j] = d * tc * o * (1 - o);
        dPrev[1][so + j] = dc * f;
      }
    }
    System.arraycopy(dhp, 0, dxp, 0, rows * 4 * h);
  }
}

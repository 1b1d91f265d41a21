package dev.attento.cells.builtin;

import dev.attento.cells.fused.GateFunction;
import dev.attento.core.kernels.Nonlinear;

/**
 * Gated recurrent unit (Cho et al. 2014), in PyTorch's formulation and gate order r, z, n:
 *
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 - z) ⊙ n + z ⊙ h
 * </pre>
 *
 * The update gate z interpolates between the old state and the candidate, giving gradients
 * a path through time scaled by z instead of by a squashing derivative. Note that r
 * multiplies {@code W_hn h + b_hn}, not h (the PyTorch/cuDNN variant), so weights are
 * interchangeable with {@code nn.GRU}; that is why a gate function sees the two projections
 * apart. This is the element-wise part; {@link dev.attento.cells.fused.FusedCell} supplies the projections.
 */
final class GruGates implements GateFunction {

  static final GruGates INSTANCE = new GruGates();

  private GruGates() {}

  @Override
  public int gates() {
    return 3;
  }

  @Override
  public int stateParts() {
    return 1;
  }

  /** {@code [r | z | n | W_hn h + b_hn]} per row: the last is what r multiplied. */
  @Override
  public int savedWidth(int hidden) {
    return 4 * hidden;
  }

  @Override
  public void forward(Nonlinear nl, int rows, int h, float[] xp, float[] hp, float[][] prev, float[][] next,
                      float[] saved) {
    float[] hPrev = prev[0];
    float[] out = next[0];
    for (int r = 0; r < rows; r++) {
      int go = r * 3 * h;
      int so = r * h;
      int sv = r * 4 * h;
      for (int j = 0; j < 2 * h; j++) {
        saved[sv + j] = xp[go + j] + hp[go + j];
      }
      nl.sigmoid(saved, sv, saved, sv, 2 * h);
      System.arraycopy(hp, go + 2 * h, saved, sv + 3 * h, h);
      for (int j = 0; j < h; j++) {
        saved[sv + 2 * h + j] = xp[go + 2 * h + j] + saved[sv + j] * hp[go + 2 * h + j];
      }
      nl.tanh(saved, sv + 2 * h, saved, sv + 2 * h, h);
      for (int j = 0; j < h; j++) {
        float z = saved[sv + h + j];
        out[so + j] = (1 - z) * saved[sv + 2 * h + j] + z * hPrev[so + j];
      }
    }
  }

  /**
   * With {@code ∂n̂ = ∂h'·(1-z)·(1-n²)} for n's pre-activation: ∂ẑ = ∂h'·(h - n)·z(1-z),
   * ∂r̂ = ∂n̂·(W_hn h + b_hn)·r(1-r); the input projection of n gets ∂n̂ but the hidden one
   * gets ∂n̂·r, and h reaches h' directly with weight z.
   */
  @Override
  public void backward(int rows, int h, float[][] dNext, float[] saved, float[][] prev, float[] dxp, float[] dhp,
                       float[][] dPrev) {
    float[] hPrev = prev[0];
    float[] dh = dNext[0];
    for (int r = 0; r < rows; r++) {
      int go = r * 3 * h;
      int so = r * h;
      int sv = r * 4 * h;
      for (int j = 0; j < h; j++) {
        float rg = saved[sv + j];
        float z = saved[sv + h + j];
        float n = saved[sv + 2 * h + j];
        float hn = saved[sv + 3 * h + j];
        float d = dh[so + j];
        float dnPre = d * (1 - z) * (1 - n * n);
        float dzPre = d * (hPrev[so + j] - n) * z * (1 - z);
        float drPre = dnPre * hn * rg * (1 - rg);
        dxp[go + j] = drPre;
        dxp[go + h + j] = dzPre;
        dxp[go + 2 * h + j] = dnPre;
        dhp[go + j] = drPre;
        dhp[go + h + j] = dzPre;
        dhp[go + 2 * h + j] = dnPre * rg;
        dPrev[0][so + j] = d * z;
      }
    }
  }
}

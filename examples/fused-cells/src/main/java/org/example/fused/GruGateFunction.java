package org.example.fused;

import dev.attento.cells.fused.GateFunction;
import dev.attento.core.kernels.Nonlinear;

/**
 * The GRU's step (gates r, z, n as PyTorch's {@code nn.GRU}) as a gate function:
 * {@code r, z = σ(xp + hp)}, {@code n = tanh(xp_n + r·hp_n)}, {@code h' = (1-z)·n + z·h}. The
 * reset gate multiplies the recurrent projection of the candidate, which is why a gate
 * function receives {@code xp} and {@code hp} apart.
 */
final class GruGateFunction implements GateFunction {

  @Override
  public int gates() {
    return 3;
  }

  @Override
  public int stateParts() {
    return 1;
  }

  /** r, z, n and the candidate's recurrent projection hp_n, which r multiplied. */
  @Override
  public int savedWidth(int hidden) {
    return 4 * hidden;
  }

  @Override
  public void forward(Nonlinear nl, int rows, int h, float[] xp, float[] hp, float[][] prev, float[][] next,
                      float[] saved) {
    float[] hPrev = prev[0];   // read once: the loops then index plain arrays
    float[] hOut = next[0];
    for (int row = 0; row < rows; row++) {
      int pre = row * 3 * h;
      int keep = row * 4 * h;
      int r = keep;
      int z = keep + h;
      int n = keep + 2 * h;
      int hpN = keep + 3 * h;
      for (int k = 0; k < 2 * h; k++) {
        saved[r + k] = xp[pre + k] + hp[pre + k];
      }
      nl.sigmoid(saved, r, saved, r, 2 * h);
      for (int k = 0; k < h; k++) {
        saved[hpN + k] = hp[pre + 2 * h + k];
        saved[n + k] = xp[pre + 2 * h + k] + saved[r + k] * saved[hpN + k];
      }
      nl.tanh(saved, n, saved, n, h);
      for (int k = 0; k < h; k++) {
        float zk = saved[z + k];
        hOut[row * h + k] = (1 - zk) * saved[n + k] + zk * hPrev[row * h + k];
      }
    }
  }

  @Override
  public void backward(int rows, int h, float[][] dNext, float[] saved, float[][] prev, float[] dxp, float[] dhp,
                       float[][] dPrev) {
    float[] hPrev = prev[0];
    float[] dhNext = dNext[0];
    float[] dhPrev = dPrev[0];
    for (int row = 0; row < rows; row++) {
      int pre = row * 3 * h;
      int keep = row * 4 * h;
      for (int k = 0; k < h; k++) {
        float r = saved[keep + k];
        float z = saved[keep + h + k];
        float n = saved[keep + 2 * h + k];
        float hpN = saved[keep + 3 * h + k];
        float dh = dhNext[row * h + k];
        float dn = dh * (1 - z) * (1 - n * n);                     // ∂ of n's pre-activation
        float dz = dh * (hPrev[row * h + k] - n) * z * (1 - z);
        float dr = dn * hpN * r * (1 - r);
        dxp[pre + k] = dr;
        dhp[pre + k] = dr;
        dxp[pre + h + k] = dz;
        dhp[pre + h + k] = dz;
        dxp[pre + 2 * h + k] = dn;
        dhp[pre + 2 * h + k] = dn * r;
        dhPrev[row * h + k] = dh * z;
      }
    }
  }
}

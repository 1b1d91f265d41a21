package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.tensor.Tensor;

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
 * interchangeable with {@code nn.GRU}. The whole step is one fused op.
 */
final class GruCell extends ProjectedCell {

  GruCell(CellSpec spec) {
    super(spec, 3);
    int h = spec.hiddenSize();
    float updateBias = spec.floatOption("update_bias");
    for (int j = h; j < 2 * h; j++) {
      biasIh.data()[j] = updateBias;
    }
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
    float[] gates = new float[batch * 3 * h]; // r, z, n after activation
    float[] out = new float[batch * h];
    Nonlinear nl = Kernels.nonlinear();
    for (int b = 0; b < batch; b++) {
      int xo = (b * time + t) * 3 * h;
      int ho = b * 3 * h;
      int so = b * h;
      if (keep != null && keep[b] == 0f) {
        System.arraycopy(prev, so, out, so, h);
        continue;
      }
      for (int j = 0; j < 2 * h; j++) {
        gates[ho + j] = x[xo + j] + hh[ho + j];
      }
      nl.sigmoid(gates, ho, gates, ho, 2 * h);
      for (int j = 0; j < h; j++) {
        gates[ho + 2 * h + j] = x[xo + 2 * h + j] + gates[ho + j] * hh[ho + 2 * h + j];
      }
      nl.tanh(gates, ho + 2 * h, gates, ho + 2 * h, h);
      for (int j = 0; j < h; j++) {
        float z = gates[ho + h + j];
        out[so + j] = (1 - z) * gates[ho + 2 * h + j] + z * prev[so + j];
      }
    }
    Tensor next = Autodiff.record("gru", Tensor.of(out, batch, h), g -> {
      float[] gx = xp.requiresGrad() ? xp.gradBuffer() : null;
      float[] gh = hp.requiresGrad() ? hp.gradBuffer() : null;
      float[] gPrev = hPrev.requiresGrad() ? hPrev.gradBuffer() : null;
      for (int b = 0; b < batch; b++) {
        int xo = (b * time + t) * 3 * h;
        int ho = b * 3 * h;
        int so = b * h;
        boolean kept = keep == null || keep[b] != 0f;
        for (int j = 0; j < h; j++) {
          float dh = g[so + j];
          if (!kept) {
            if (gPrev != null) {
              gPrev[so + j] += dh;
            }
            continue;
          }
          float r = gates[ho + j];
          float z = gates[ho + h + j];
          float n = gates[ho + 2 * h + j];
          float dnPre = dh * (1 - z) * (1 - n * n);
          float dzPre = dh * (prev[so + j] - n) * z * (1 - z);
          float hn = hh[ho + 2 * h + j];
          float drPre = dnPre * hn * r * (1 - r);
          if (gx != null) {
            gx[xo + j] += drPre;
            gx[xo + h + j] += dzPre;
            gx[xo + 2 * h + j] += dnPre;
          }
          if (gh != null) {
            gh[ho + j] += drPre;
            gh[ho + h + j] += dzPre;
            gh[ho + 2 * h + j] += dnPre * r;
          }
          if (gPrev != null) {
            gPrev[so + j] += dh * z;
          }
        }
      }
    }, xp, hp, hPrev);
    return CellState.of(next);
  }
}

package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.tensor.Tensor;

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
 * (1.0 by default, Jozefowicz et al. 2015) so the cell remembers from the start.
 *
 * <p>A step is one fused op per output: the c' node back-propagates into i, f, g and c; the
 * h' node into o and c'. Gate activations are computed once and kept for the backward pass.
 */
final class LstmCell extends ProjectedCell {

  LstmCell(CellSpec spec) {
    super(spec, 4);
    int h = spec.hiddenSize();
    float forgetBias = spec.floatOption("forget_bias");
    for (int j = h; j < 2 * h; j++) {
      biasIh.data()[j] = forgetBias;
    }
  }

  @Override
  int stateParts() {
    return 2;
  }

  @Override
  CellState fusedStep(Tensor xp, int t, Tensor hp, CellState previous, float[] keep) {
    Tensor hPrev = previous.part(0);
    Tensor cPrev = previous.part(1);
    int batch = hPrev.dim(0);
    int h = hPrev.dim(1);
    int time = xp.dim(1);
    float[] x = xp.data();
    float[] hh = hp.data();
    float[] cp = cPrev.data();
    float[] gates = new float[batch * 4 * h];
    float[] c = new float[batch * h];
    float[] tanhC = new float[batch * h];
    float[] out = new float[batch * h];
    Nonlinear nl = Kernels.nonlinear();
    for (int b = 0; b < batch; b++) {
      int xo = (b * time + t) * 4 * h;
      int ho = b * 4 * h;
      int so = b * h;
      if (keep != null && keep[b] == 0f) {
        System.arraycopy(cp, so, c, so, h);
        System.arraycopy(hPrev.data(), so, out, so, h);
        continue;
      }
      // Pre-activations, then the non-linearities a whole gate block at a time (vectorised).
      for (int j = 0; j < 4 * h; j++) {
        gates[ho + j] = x[xo + j] + hh[ho + j];
      }
      nl.sigmoid(gates, ho, gates, ho, 2 * h);
      nl.tanh(gates, ho + 2 * h, gates, ho + 2 * h, h);
      nl.sigmoid(gates, ho + 3 * h, gates, ho + 3 * h, h);
      for (int j = 0; j < h; j++) {
        c[so + j] = gates[ho + h + j] * cp[so + j] + gates[ho + j] * gates[ho + 2 * h + j];
      }
      nl.tanh(c, so, tanhC, so, h);
      for (int j = 0; j < h; j++) {
        out[so + j] = gates[ho + 3 * h + j] * tanhC[so + j];
      }
    }
    Tensor cNext = Autodiff.record("lstm.c", Tensor.of(c, batch, h), gc -> {
      float[] gx = xp.requiresGrad() ? xp.gradBuffer() : null;
      float[] gh = hp.requiresGrad() ? hp.gradBuffer() : null;
      float[] gcPrev = cPrev.requiresGrad() ? cPrev.gradBuffer() : null;
      for (int b = 0; b < batch; b++) {
        int xo = (b * time + t) * 4 * h;
        int ho = b * 4 * h;
        int so = b * h;
        boolean kept = keep == null || keep[b] != 0f;
        for (int j = 0; j < h; j++) {
          float dc = gc[so + j];
          if (!kept) {
            if (gcPrev != null) {
              gcPrev[so + j] += dc;
            }
            continue;
          }
          float i = gates[ho + j];
          float f = gates[ho + h + j];
          float g = gates[ho + 2 * h + j];
          float di = dc * g * i * (1 - i);
          float df = dc * cp[so + j] * f * (1 - f);
          float dg = dc * i * (1 - g * g);
          if (gx != null) {
            gx[xo + j] += di;
            gx[xo + h + j] += df;
            gx[xo + 2 * h + j] += dg;
          }
          if (gh != null) {
            gh[ho + j] += di;
            gh[ho + h + j] += df;
            gh[ho + 2 * h + j] += dg;
          }
          if (gcPrev != null) {
            gcPrev[so + j] += dc * f;
          }
        }
      }
    }, xp, hp, cPrev);
    Tensor hNext = Autodiff.record("lstm.h", Tensor.of(out, batch, h), go -> {
      float[] gx = xp.requiresGrad() ? xp.gradBuffer() : null;
      float[] gh = hp.requiresGrad() ? hp.gradBuffer() : null;
      float[] gcNext = cNext.requiresGrad() ? cNext.gradBuffer() : null;
      float[] ghPrev = hPrev.requiresGrad() ? hPrev.gradBuffer() : null;
      for (int b = 0; b < batch; b++) {
        int xo = (b * time + t) * 4 * h;
        int ho = b * 4 * h;
        int so = b * h;
        boolean kept = keep == null || keep[b] != 0f;
        for (int j = 0; j < h; j++) {
          float dh = go[so + j];
          if (!kept) {
            if (ghPrev != null) {
              ghPrev[so + j] += dh;
            }
            continue;
          }
          float o = gates[ho + 3 * h + j];
          float tc = tanhC[so + j];
          float dop = dh * tc * o * (1 - o);
          if (gx != null) {
            gx[xo + 3 * h + j] += dop;
          }
          if (gh != null) {
            gh[ho + 3 * h + j] += dop;
          }
          if (gcNext != null) {
            gcNext[so + j] += dh * o * (1 - tc * tc);
          }
        }
      }
    }, xp, hp, cNext, hPrev);
    return CellState.of(hNext, cNext);
  }
}

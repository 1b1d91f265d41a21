package org.example.fused;

import dev.attento.cells.fused.GateFunction;
import dev.attento.core.kernels.Nonlinear;
import java.util.Arrays;

/**
 * The LSTM's step (gates i, f, g, o as PyTorch's {@code nn.LSTM}) as a gate function: from the
 * pre-activations {@code a = xp + hp} of a row, {@code i, f, o = σ(a)}, {@code g = tanh(a)},
 * {@code c' = f·c + i·g}, {@code h' = o·tanh(c')}. The state is {@code (h, c)}.
 */
final class LstmGateFunction implements GateFunction {

  /** Where each gate block starts in a row of pre-activations, in units of H. */
  private static final int I = 0;
  private static final int F = 1;
  private static final int G = 2;
  private static final int O = 3;
  /** A row of {@code saved}: the four activated gates, then tanh(c'). */
  private static final int TANH_C = 4;

  @Override
  public int gates() {
    return 4;
  }

  @Override
  public int stateParts() {
    return 2;
  }

  @Override
  public int savedWidth(int hidden) {
    return 5 * hidden;
  }

  @Override
  public void forward(Nonlinear nl, int rows, int h, float[] xp, float[] hp, float[][] prev, float[][] next,
                      float[] saved) {
    float[] c = prev[1];      // the state parts, read once (the loops then index plain arrays)
    float[] hOut = next[0];
    float[] cOut = next[1];
    for (int r = 0; r < rows; r++) {
      int row = r * 4 * h;
      int act = r * 5 * h;
      for (int k = 0; k < 4 * h; k++) {
        saved[act + k] = xp[row + k] + hp[row + k];
      }
      nl.sigmoid(saved, act + I * h, saved, act + I * h, 2 * h);   // i and f, adjacent
      nl.tanh(saved, act + G * h, saved, act + G * h, h);
      nl.sigmoid(saved, act + O * h, saved, act + O * h, h);
      int unit = r * h;
      for (int k = 0; k < h; k++) {
        cOut[unit + k] = saved[act + F * h + k] * c[unit + k] + saved[act + I * h + k] * saved[act + G * h + k];
      }
      nl.tanh(cOut, unit, saved, act + TANH_C * h, h);
      for (int k = 0; k < h; k++) {
        hOut[unit + k] = saved[act + O * h + k] * saved[act + TANH_C * h + k];
      }
    }
  }

  @Override
  public void backward(int rows, int h, float[][] dNext, float[] saved, float[][] prev, float[] dxp, float[] dhp,
                       float[][] dPrev) {
    float[] c = prev[1];
    float[] dhNext = dNext[0];
    float[] dcNext = dNext[1];
    float[] dcPrev = dPrev[1];
    Arrays.fill(dPrev[0], 0, rows * h, 0f);     // h reaches the step only through hp
    for (int r = 0; r < rows; r++) {
      int row = r * 4 * h;
      int act = r * 5 * h;
      int unit = r * h;
      for (int k = 0; k < h; k++) {
        float i = saved[act + I * h + k];
        float f = saved[act + F * h + k];
        float g = saved[act + G * h + k];
        float o = saved[act + O * h + k];
        float tanhC = saved[act + TANH_C * h + k];
        float dh = dhNext[unit + k];
        float dc = dcNext[unit + k] + dh * o * (1 - tanhC * tanhC);
        dhp[row + I * h + k] = dc * g * i * (1 - i);
        dhp[row + F * h + k] = dc * c[unit + k] * f * (1 - f);
        dhp[row + G * h + k] = dc * i * (1 - g * g);
        dhp[row + O * h + k] = dh * tanhC * o * (1 - o);
        dcPrev[unit + k] = dc * f;
      }
    }
    System.arraycopy(dhp, 0, dxp, 0, rows * 4 * h);   // a = xp + hp: both get ∂a
  }
}

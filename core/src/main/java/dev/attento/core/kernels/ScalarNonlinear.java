package dev.attento.core.kernels;

import dev.attento.core.ops.Activations;

/** The non-linearities one element at a time, with the scalar ops' exact formulas. */
public final class ScalarNonlinear implements Nonlinear {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = Activations.sigmoid(in[inOff + i]);
    }
  }

  @Override
  public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = Activations.tanh(in[inOff + i]);
    }
  }
}

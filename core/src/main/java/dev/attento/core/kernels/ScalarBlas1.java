package dev.attento.core.kernels;

/** {@link Blas1} in plain Java, for JVMs without the Vector API module. */
public final class ScalarBlas1 implements Blas1 {

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i] * y[yOff + i];
    }
    return s;
  }

  @Override
  public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }
}

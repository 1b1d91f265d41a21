package dev.attento.core.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Blas1} with the Vector API: whole vectors with fused multiply-adds, then a scalar tail. */
public final class VectorBlas1 implements Blas1 {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    return dotProduct(x, xOff, y, yOff, n);
  }

  /** {@link #dot}, for the other Vector API kernels. */
  static float dotProduct(float[] x, int xOff, float[] y, int yOff, int n) {
    int nv = n - n % L;
    FloatVector acc = FloatVector.zero(S);
    for (int i = 0; i < nv; i += L) {
      acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (int i = nv; i < n; i++) {
      s += x[xOff + i] * y[yOff + i];
    }
    return s;
  }

  @Override
  public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    int nv = n - n % L;
    FloatVector av = FloatVector.broadcast(S, a);
    for (int i = 0; i < nv; i += L) {
      av.fma(FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
    }
    for (int i = nv; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }
}

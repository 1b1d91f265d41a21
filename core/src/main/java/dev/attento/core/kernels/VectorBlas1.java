package dev.attento.core.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** {@link Blas1} with the Vector API: whole vectors with fused multiply-adds, then a scalar tail. */
public final class VectorBlas1 implements Blas1 {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Lane i ↔ i ^ d, for the butterfly sum below. */
  private static final VectorShuffle<Float> SWAP8 = L > 8 ? VectorShuffle.fromOp(S, i -> i ^ 8) : null;
  private static final VectorShuffle<Float> SWAP4 = L > 4 ? VectorShuffle.fromOp(S, i -> i ^ 4) : null;
  private static final VectorShuffle<Float> SWAP2 = L > 2 ? VectorShuffle.fromOp(S, i -> i ^ 2) : null;
  private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(S, i -> i ^ 1);

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
    float s = sum(acc);
    for (int i = nv; i < n; i++) {
      s += x[xOff + i] * y[yOff + i];
    }
    return s;
  }

  /**
   * The sum of the lanes in a fixed order (halves added pairwise). {@code reduceLanes(ADD)}
   * leaves the order to the JDK, and on JDK 25 C2's order differs from the interpreter's, so
   * results would change once a loop was compiled; lane-wise adds and shuffles are exact.
   */
  static float sum(FloatVector v) {
    if (L > 8) {
      v = v.add(v.rearrange(SWAP8));
    }
    if (L > 4) {
      v = v.add(v.rearrange(SWAP4));
    }
    if (L > 2) {
      v = v.add(v.rearrange(SWAP2));
    }
    return v.add(v.rearrange(SWAP1)).lane(0);
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

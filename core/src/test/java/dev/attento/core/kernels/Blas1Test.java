package dev.attento.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class Blas1Test {

  private static final int L = FloatVector.SPECIES_PREFERRED.length();

  /**
   * The vector dot product in scalar Java, operation for operation: one fused multiply-add
   * chain per lane, the lanes summed pairwise (lane i with lane i ^ d for d = L/2 … 1), then
   * the tail. Scalar float arithmetic is exactly rounded whatever the JIT does, so equality
   * with it proves the vector result does not depend on whether C2 compiled the loop.
   */
  private static float sameOrder(float[] x, int xo, float[] y, int yo, int n) {
    int nv = n - n % L;
    float[] lanes = new float[L];
    for (int i = 0; i < nv; i += L) {
      for (int l = 0; l < L; l++) {
        lanes[l] = Math.fma(x[xo + i + l], y[yo + i + l], lanes[l]);
      }
    }
    for (int d = L / 2; d >= 1; d /= 2) {
      float[] next = new float[L];
      for (int l = 0; l < L; l++) {
        next[l] = lanes[l] + lanes[l ^ d];
      }
      lanes = next;
    }
    float s = lanes[0];
    for (int i = nv; i < n; i++) {
      s += x[xo + i] * y[yo + i];
    }
    return s;
  }

  @Test
  void vectorDotIsTheFixedOrderSumBitForBit() {
    SplittableRandom r = new SplittableRandom(11);
    float[] x = new float[300];
    float[] y = new float[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
      y[i] = (float) (r.nextDouble() * 2 - 1);
    }
    Blas1 vector = new VectorBlas1();
    // Repeated so that both the Vector API's Java fallback and C2's code are compared.
    for (int round = 0; round < 2000; round++) {
      int n = round % 260;
      int xo = round % 7;
      int yo = round % 5;
      assertEquals(Float.floatToIntBits(sameOrder(x, xo, y, yo, n)), Float.floatToIntBits(vector.dot(x, xo, y, yo, n)),
          "n=" + n + " round " + round);
    }
  }

  @Test
  void scalarAndVectorKernelsAgreeOnDotAndAxpy() {
    SplittableRandom r = new SplittableRandom(12);
    for (int n : new int[] {0, 1, 15, 16, 17, 64, 100}) {
      float[] x = new float[n];
      float[] y = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = (float) r.nextDouble();
        y[i] = (float) r.nextDouble();
      }
      assertEquals(new ScalarBlas1().dot(x, 0, y, 0, n), new VectorBlas1().dot(x, 0, y, 0, n), 1e-5f * (n + 1));
      float[] a = y.clone();
      float[] b = y.clone();
      new ScalarBlas1().axpy(0.5f, x, 0, a, 0, n);
      new VectorBlas1().axpy(0.5f, x, 0, b, 0, n);
      for (int i = 0; i < n; i++) {
        assertEquals(a[i], b[i], 1e-6f);
      }
    }
  }
}

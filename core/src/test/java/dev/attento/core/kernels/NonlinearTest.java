package dev.attento.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gate non-linearities: the vectorised kernel gives exactly the scalar formula's bits for
 * every input (which makes results independent of JIT state and of which kernel runs), and
 * the formula is accurate to a few ulps.
 */
class NonlinearTest {

  private static final Nonlinear VECTOR = new VectorNonlinear();

  /** Values at and around every boundary of the formulas, plus the IEEE specials. */
  private static float[] edgeCases() {
    float[] centres = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1e-10f, 0x1p-12f, 1e-4f, 0.1f, 0.5f,
        ScalarNonlinear.TANH_SMALL, 1f, 2f, 9.011f, ScalarNonlinear.TANH_LIMIT, 15f, 16.6f, 17.4f, 20f, 44f, 80f,
        ScalarNonlinear.EXP_LIMIT, 88.72f, 89f, 103.9f, 104f, 1e10f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    List<Float> v = new ArrayList<>();
    for (float c : centres) {
      float lo = c;
      float hi = c;
      for (int k = 0; k < 3; k++) {
        lo = Math.nextDown(lo);
        hi = Math.nextUp(hi);
      }
      for (float x : new float[] {lo, Math.nextUp(lo), Math.nextDown(c), c, Math.nextUp(c), Math.nextDown(hi), hi}) {
        v.add(x);
        v.add(-x);
      }
    }
    v.add(Float.NaN);
    v.add(Float.intBitsToFloat(0xffc00000)); // negative quiet NaN
    v.add(Float.intBitsToFloat(0x7f800001)); // signalling NaN
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** Edge cases, a stride through all 2³² bit patterns, and dense random values in the gates' range. */
  private static float[] sweep() {
    float[] edges = edgeCases();
    int strided = (int) ((1L << 32) / 4099);
    int random = 300_000;
    float[] x = new float[edges.length + strided + random];
    System.arraycopy(edges, 0, x, 0, edges.length);
    int i = edges.length;
    for (long b = 0; b < (1L << 32) && i < edges.length + strided; b += 4099) {
      x[i++] = Float.intBitsToFloat((int) b);
    }
    SplittableRandom r = new SplittableRandom(3);
    while (i < x.length) {
      x[i++] = (float) ((r.nextDouble() - 0.5) * 40);
    }
    return x;
  }

  /** Bits, with every NaN the same: NaN payloads are not part of the contract. */
  private static int bits(float v) {
    return Float.floatToIntBits(v);
  }

  @Test
  void vectorKernelEqualsTheScalarFormulaBitForBit() {
    float[] x = sweep();
    float[] s = new float[x.length];
    float[] t = new float[x.length];
    // Repeated, so the first passes run the Vector API's Java fallback and later ones C2's code.
    for (int rep = 0; rep < 6; rep++) {
      VECTOR.sigmoid(x, 0, s, 0, x.length);
      VECTOR.tanh(x, 0, t, 0, x.length);
      for (int i = 0; i < x.length; i++) {
        float v = x[i];
        if (bits(s[i]) != bits(ScalarNonlinear.sigmoid(v)) || bits(t[i]) != bits(ScalarNonlinear.tanh(v))) {
          throw new AssertionError("pass " + rep + ", x = " + v + " (" + Integer.toHexString(Float.floatToRawIntBits(v))
              + "): vector σ " + s[i] + " tanh " + t[i] + ", scalar σ " + ScalarNonlinear.sigmoid(v) + " tanh "
              + ScalarNonlinear.tanh(v));
        }
      }
    }
  }

  @Test
  void shiftedExpIsTheScalarFormulaBitForBitAndAccurate() {
    float[] x = sweep();
    float shift = 20f; // at least every input, as a softmax's maximum is
    float[] e = new float[x.length];
    double worst = 0;
    for (int rep = 0; rep < 6; rep++) {
      VECTOR.expShifted(x, 0, shift, e, 0, x.length);
      for (int i = 0; i < x.length; i++) {
        float expected = ScalarNonlinear.expShifted(x[i] - shift);
        if (bits(e[i]) != bits(expected)) {
          throw new AssertionError("pass " + rep + ", x = " + x[i] + ": vector " + e[i] + ", scalar " + expected);
        }
        double exact = Math.exp(x[i] - shift); // of the float difference, which is what is exponentiated
        if (x[i] <= shift && exact > 1e-37) { // in the contract, and above float's normal range
          worst = Math.max(worst, Math.abs(e[i] - exact) / Math.ulp((float) exact));
        }
      }
    }
    assertTrue(worst <= 1.5, "e^x within 1.5 ulp, worst " + worst);
    float[] edge = {-Float.MAX_VALUE, Float.NEGATIVE_INFINITY, -1e30f, -87.3f, -87.4f, -0f, 0f, Float.NaN};
    float[] out = new float[edge.length];
    VECTOR.expShifted(edge, 0, 0f, out, 0, edge.length);
    assertArrayEquals(new float[] {0f, 0f, 0f, (float) Math.exp(-87.3), 0f, 1f, 1f, 0f}, out, 1e-42f);
  }

  @Test
  void everyLengthAndOffsetGivesTheScalarResults() {
    // Lengths around multiples of the vector width exercise the scalar tails; offsets and
    // in-place use are what the cells do.
    float[] edges = edgeCases();
    int width = 64;
    for (int n = 0; n <= 3 * width + 1; n++) {
      for (int off : new int[] {0, 1, 7}) {
        float[] in = new float[n + off];
        for (int i = 0; i < n; i++) {
          in[off + i] = edges[(i * 7 + n) % edges.length];
        }
        float[] sig = new float[n + 3];
        VECTOR.sigmoid(in, off, sig, 3, n);
        float[] inPlace = in.clone();
        VECTOR.tanh(inPlace, off, inPlace, off, n);
        for (int i = 0; i < n; i++) {
          float v = in[off + i];
          int len = n;
          assertEquals(bits(ScalarNonlinear.sigmoid(v)), bits(sig[3 + i]), () -> "σ, n = " + len + ", x = " + v);
          assertEquals(bits(ScalarNonlinear.tanh(v)), bits(inPlace[off + i]), () -> "tanh, n = " + len + ", x = " + v);
        }
        for (int i = 0; i < off; i++) {
          assertEquals(in[i], inPlace[i], "untouched before the range");
        }
        for (int i = 0; i < 3; i++) {
          assertEquals(0f, sig[i], "untouched before the range");
        }
      }
    }
  }

  @Test
  void specialValues() {
    for (Nonlinear k : new Nonlinear[] {VECTOR, new ScalarNonlinear()}) {
      float[] x = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 100f, -100f, 9.1f, -20f,
          Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f};
      float[] s = new float[x.length];
      float[] t = new float[x.length];
      k.sigmoid(x, 0, s, 0, x.length);
      k.tanh(x, 0, t, 0, x.length);
      String n = k.name();
      assertEquals(0.5f, s[0], n);
      assertEquals(0.5f, s[1], n);
      assertEquals(1f, s[2], n);
      assertEquals(0f, s[3], n);
      assertTrue(Float.isNaN(s[4]), n);
      assertEquals(1f, s[5], n);
      assertEquals(0f, s[6], n);
      assertEquals((float) (1 / (1 + Math.exp(20))), s[8], 2 * Math.ulp(s[8]), n);
      assertEquals(0x0, Float.floatToRawIntBits(t[0]), n + ": tanh(+0) = +0");
      assertEquals(0x80000000, Float.floatToRawIntBits(t[1]), n + ": tanh(-0) = -0");
      assertEquals(1f, t[2], n);
      assertEquals(-1f, t[3], n);
      assertTrue(Float.isNaN(t[4]), n);
      assertEquals(1f, t[5], n);
      assertEquals(-1f, t[6], n);
      assertEquals(1f, t[7], n);
      assertEquals(-1f, t[8], n);
      assertEquals(Float.MIN_VALUE, t[9], n + ": tanh(x) = x for tiny x");
      assertEquals(-Float.MIN_VALUE, t[10], n);
      assertEquals(1e-30f, t[11], n);
    }
  }

  /**
   * Against double-precision references. Measured over all 2,202,009,602 floats in [-20, 20]:
   * σ at most 2.41 ulps (at x = -4.157; 1.19 for x ≥ 0), tanh at most 1.46 ulps (at x =
   * 0.6335, just above the switch from the polynomial); here a stride through them plus a
   * dense uniform grid.
   */
  @Test
  void withinAFewUlpsOfDoublePrecision() {
    int grid = 1_000_001;
    int strideBits = 1009;
    int maxBits = Float.floatToRawIntBits(20f);
    float[] x = new float[grid + 2 * (maxBits / strideBits + 1)];
    int n = 0;
    for (int i = 0; i < grid; i++) {
      x[n++] = (float) (-20.0 + 40.0 * i / (grid - 1));
    }
    for (int b = 0; b <= maxBits; b += strideBits) {
      x[n++] = Float.intBitsToFloat(b);
      x[n++] = -Float.intBitsToFloat(b);
    }
    float[] s = new float[n];
    float[] t = new float[n];
    VECTOR.sigmoid(x, 0, s, 0, n);
    VECTOR.tanh(x, 0, t, 0, n);
    double worstS = 0;
    double worstUpperS = 0;
    double worstT = 0;
    for (int i = 0; i < n; i++) {
      double e = ulps(s[i], 1 / (1 + Math.exp(-(double) x[i])));
      worstS = Math.max(worstS, e);
      worstUpperS = x[i] >= 0 ? Math.max(worstUpperS, e) : worstUpperS;
      worstT = Math.max(worstT, ulps(t[i], Math.tanh(x[i])));
    }
    assertTrue(worstS <= 2.5, "σ: " + worstS + " ulps");
    // Near 1, gradients use 1 - σ: there σ must be (almost) the nearest float.
    assertTrue(worstUpperS <= 1.25, "σ(x ≥ 0): " + worstUpperS + " ulps");
    assertTrue(worstT <= 1.5, "tanh: " + worstT + " ulps");
    // Beyond ±20: σ's small side keeps its relative accuracy down to where it becomes subnormal.
    for (float v = -87f; v < -20f; v += 0.01f) {
      float[] one = {v};
      VECTOR.sigmoid(one, 0, one, 0, 1);
      assertTrue(ulps(one[0], 1 / (1 + Math.exp(-(double) v))) <= 2.5, "σ(" + v + ")");
    }
  }

  /** |y - exact| in units of the last place of the float nearest to exact. */
  static double ulps(float y, double exact) {
    float nearest = (float) exact;
    double ulp = Math.ulp(nearest);
    boolean powerOfTwo = Math.abs(nearest) == Float.intBitsToFloat(Float.floatToRawIntBits(Math.abs(nearest)) & 0x7f800000);
    if (powerOfTwo && Math.abs(exact) < Math.abs(nearest) && Math.abs(nearest) > Float.MIN_NORMAL) {
      ulp /= 2; // just below a power of two the spacing is half
    }
    return Math.abs(y - exact) / ulp;
  }
}

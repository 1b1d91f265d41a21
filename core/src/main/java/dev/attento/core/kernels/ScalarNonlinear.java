package dev.attento.core.kernels;

/**
 * The gate non-linearities one element at a time, and the definition of the formula that
 * {@link VectorNonlinear} computes lane-wise: both give the same float, bit for bit, for
 * every input (NaN payloads aside).
 *
 * <p><b>Why our own σ and tanh.</b> Training must give the same numbers run after run. The
 * Vector API's {@code EXP}/{@code TANH} lane operations do not: before C2 compiles a loop they
 * run a Java fallback (per lane {@code Math.exp}/{@code Math.tanh}), afterwards Intel's SVML,
 * and the two differ in the last bits, so results depended on JIT timing. The formulas here
 * use only operations that Java defines as exactly rounded IEEE float operations in every
 * execution mode — {@code + - * /}, {@code fma}, comparisons and selects, bit moves between
 * {@code float} and {@code int} — so the interpreter, C1, C2, the Vector API's fallback and
 * its intrinsics, on any JDK and CPU, all produce the same bits.
 *
 * <p><b>exp</b> (of a non-positive argument u) is Cephes' {@code expf} (S. L. Moshier, Cephes
 * Math Library, 1984–2000): u = n·ln 2 + r with n = round(u·log₂e), r computed in two steps
 * with ln 2 split into a short high part and a correction (Cody &amp; Waite, <i>Software
 * Manual for the Elementary Functions</i>, 1980), so that r is nearly exact; e^r on
 * |r| ≤ ½ln 2 by Cephes' degree-7 polynomial 1 + r + r²·P₅(r) (Horner, with fma); and
 * 2ⁿ written straight into a float's exponent bits. n is rounded by adding and subtracting
 * 1.5·2²³, which leaves n in the low mantissa bits, so no float→int conversion is needed.
 *
 * <p><b>σ(x)</b> = q for x &lt; 0 and 1 - q for x ≥ 0, with q = e/(1+e) = σ(-|x|) and
 * e = e^{-|x|} ∈ (0, 1]: nothing overflows, small results keep their relative accuracy, and
 * near 1 the only sizeable rounding is the last subtraction, so σ(x) is almost always the
 * float nearest to the true value there. That matters more than it seems: gradients use
 * 1 - σ, in which one ulp of σ ≈ 0.99 is a relative error of 10⁻⁵ (computing 1/(1+e) instead
 * failed the PyTorch comparison of GRU gradients). Below x = -87.33 (where e^{x} would be
 * subnormal) the result is 0; the true value is below 1.2·10⁻³⁸.
 *
 * <p><b>tanh(x)</b> for |x| &lt; 0.625 is Cephes' odd polynomial x + x³·P₄(x²) ({@code
 * tanhf}), which keeps full relative accuracy near 0 where 1 - 2/(e^{2x}+1) cancels; above it
 * 1 - 2e/(1+e) with e = e^{-2|x|}, whose rounding is almost all in the last subtraction.
 * From |x| = 9.1 on the result is ±1 (tanh rounds to 1 in float from 9.011). Computed on |x|
 * with the sign bit copied back, so tanh is exactly odd and tanh(-0) = -0.
 *
 * <p><b>Accuracy</b>, measured against double-precision {@code 1/(1+Math.exp(-x))} and
 * {@code Math.tanh} over all 2,202,009,602 floats in [-20, 20]: σ within 2.41 ulps (worst at
 * x = -4.157, on the x &lt; 0 side, where the errors of exp, of 1+e and of the division add
 * up; within 1.19 ulps for x ≥ 0), tanh within 1.46 ulps (worst at x = 0.6335, just past the
 * polynomial); on a uniform grid over [-20, 20] the mean errors are 0.35 and 0.13 ulps. The
 * exp alone is within 0.99 ulps. {@code NonlinearTest} checks a sample against bounds of 2.5
 * and 1.5 ulps. The double-precision formulas this replaces were correctly rounded almost
 * everywhere, SVML within about 1 ulp. Gradients use the outputs (σ' = y(1-y),
 * tanh' = 1-y²), so these errors are far below what a gradient check can see.
 */
public final class ScalarNonlinear implements Nonlinear {

  /** 1.5·2²³: adding it rounds |v| &lt; 2²² to an integer held in the low mantissa bits. */
  static final float SHIFTER = 0x1.8p23f;
  /** Turns the bits of {@code SHIFTER + n} into the biased exponent n + 127. */
  static final int EXPONENT_FIX = 127 - Float.floatToRawIntBits(SHIFTER);
  static final float LOG2E = 1.44269504088896341f;
  /** Cody–Waite split of ln 2 (Cephes' C1, C2): LN2_HI has 9 significant bits, so n·LN2_HI is exact. */
  static final float LN2_HI = 0.693359375f;
  static final float LN2_LO = -2.12194440e-4f;
  /** Cephes expf: e^r ≈ 1 + r + r²·(P0 + P1·r + ... + P5·r⁵) on |r| ≤ ½ln 2. */
  static final float P0 = 5.0000001201e-1f;
  static final float P1 = 1.6666665459e-1f;
  static final float P2 = 4.1665795894e-2f;
  static final float P3 = 8.3334519073e-3f;
  static final float P4 = 1.3981999507e-3f;
  static final float P5 = 1.9875691500e-4f;
  /** e^{-u} for u up to here stays a normal float times a factor in [0.7, 1.5]: 87.33·log₂e &lt; 126. */
  static final float EXP_LIMIT = 87.33f;
  /** Cephes tanhf: tanh(x) ≈ x + x³·(T0 + T1·z + ... + T4·z⁴), z = x², on |x| &lt; 0.625. */
  static final float TANH_SMALL = 0.625f;
  static final float T0 = -3.33332819422e-1f;
  static final float T1 = 1.33314422036e-1f;
  static final float T2 = -5.37397155531e-2f;
  static final float T3 = 2.06390887954e-2f;
  static final float T4 = -5.70498872745e-3f;
  /** tanh(x) rounds to 1 for x above 9.011; the argument of exp is clamped to -2·9.1. */
  static final float TANH_LIMIT = 9.1f;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = sigmoid(in[inOff + i]);
    }
  }

  @Override
  public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = tanh(in[inOff + i]);
    }
  }

  @Override
  public void expShifted(float[] in, int inOff, float shift, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = expShifted(in[inOff + i] - shift);
    }
  }

  /** e^u for u ≤ 0, 0 below -{@link #EXP_LIMIT}, with the formula {@link VectorNonlinear} uses. */
  static float expShifted(float u) {
    boolean beyond = !(u >= -EXP_LIMIT);
    float e = expNonPositive(beyond ? -EXP_LIMIT : u);
    return beyond ? 0f : e;
  }

  /** e^u for u in [-{@link #EXP_LIMIT}, 0] (Cephes expf with Cody–Waite reduction). */
  static float expNonPositive(float u) {
    float t = Math.fma(u, LOG2E, SHIFTER);
    float n = t - SHIFTER;
    float r = Math.fma(n, -LN2_HI, u);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(P5, r, P4);
    p = Math.fma(p, r, P3);
    p = Math.fma(p, r, P2);
    p = Math.fma(p, r, P1);
    p = Math.fma(p, r, P0);
    float er = Math.fma(p, r * r, r) + 1f;
    float twoToN = Float.intBitsToFloat((Float.floatToRawIntBits(t) + EXPONENT_FIX) << 23);
    return er * twoToN;
  }

  /** σ(x) = 1/(1+e^{-x}), with the formula {@link VectorNonlinear} uses. */
  public static float sigmoid(float x) {
    float a = Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7fffffff);
    boolean beyond = a > EXP_LIMIT;
    float e = expNonPositive(-(beyond ? EXP_LIMIT : a));
    if (beyond) {
      e = 0f;
    }
    float q = e / (e + 1f);
    return x < 0f ? q : 1f - q;
  }

  /** tanh(x), with the formula {@link VectorNonlinear} uses. */
  public static float tanh(float x) {
    int bits = Float.floatToRawIntBits(x);
    int sign = bits & 0x80000000;
    float a = Float.intBitsToFloat(bits ^ sign);
    float y;
    if (a < TANH_SMALL) {
      float z = a * a;
      float q = Math.fma(T4, z, T3);
      q = Math.fma(q, z, T2);
      q = Math.fma(q, z, T1);
      q = Math.fma(q, z, T0);
      y = Math.fma(q, z * a, a);
    } else {
      float e = expNonPositive(-2f * (a > TANH_LIMIT ? TANH_LIMIT : a));
      y = 1f - (e + e) / (e + 1f);
    }
    return Float.intBitsToFloat(Float.floatToRawIntBits(y) | sign);
  }
}

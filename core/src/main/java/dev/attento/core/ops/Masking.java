package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Masked fill and element-wise select. A mask is a tensor of 0/1 (never differentiated)
 * whose shape is a <em>prefix</em> of the data's shape, so one flag can cover a whole row:
 * a {@code [B]} mask of finished sequences selects rows of a {@code [B, H]} state, a
 * {@code [B, S]} padding mask covers attention scores {@code [B, S]}.
 */
public final class Masking {

  private Masking() {}

  /** A value low enough that exp() of it, after max-subtraction, is exactly 0 in float. */
  public static final float NEG_LARGE = -1e30f;

  /** Copies {@code x}, with {@code value} wherever {@code mask} is non-zero. */
  public static Tensor maskedFill(Forward fwd, Tensor x, Tensor mask, float value) {
    int inner = innerSize("maskedFill", x, mask);
    float[] m = mask.data();
    float[] in = x.data();
    float[] y = in.clone();
    for (int i = 0; i < m.length; i++) {
      if (m[i] != 0f) {
        java.util.Arrays.fill(y, i * inner, (i + 1) * inner, value);
      }
    }
    return fwd.record("maskedFill", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < m.length; i++) {
        if (m[i] == 0f) {
          for (int j = i * inner; j < (i + 1) * inner; j++) {
            gx[j] += g[j];
          }
        }
      }
    }, x);
  }

  /** {@code mask ? a : b}, element by element (the mask broadcast over trailing dimensions). */
  public static Tensor where(Forward fwd, Tensor mask, Tensor a, Tensor b) {
    Shapes.requireSame("where", a, b);
    int inner = innerSize("where", a, mask);
    float[] m = mask.data();
    float[] y = fwd.floats(a.size());
    for (int i = 0; i < m.length; i++) {
      float[] src = m[i] != 0f ? a.data() : b.data();
      System.arraycopy(src, i * inner, y, i * inner, inner);
    }
    return fwd.record("where", Tensor.of(y, a.shape()), (g, into) -> {
      for (int i = 0; i < m.length; i++) {
        Tensor chosen = m[i] != 0f ? a : b;
        if (into.wants(chosen)) {
          float[] gc = into.of(chosen);
          for (int j = i * inner; j < (i + 1) * inner; j++) {
            gc[j] += g[j];
          }
        }
      }
    }, a, b);
  }

  private static int innerSize(String op, Tensor x, Tensor mask) {
    int[] xs = x.shape();
    int[] ms = mask.shape();
    if (ms.length > xs.length || !java.util.Arrays.equals(ms, java.util.Arrays.copyOf(xs, ms.length))) {
      throw new IllegalArgumentException(op + ": mask shape " + Shapes.toString(ms)
          + " is not a prefix of " + Shapes.toString(xs));
    }
    return Shapes.size(xs, ms.length, xs.length);
  }
}

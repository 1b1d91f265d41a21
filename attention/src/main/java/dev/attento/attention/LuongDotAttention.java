package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.tensor.Tensor;

/**
 * Luong et al. 2015, eq. 8, "dot": {@code score(h_t, h̄_s) = h_tᵀ h̄_s}. No parameters; needs
 * the query and key sizes to agree. The scaled variant divides by √d (Vaswani et al. 2017,
 * eq. 1), which keeps softmax out of saturation when d is large.
 */
public final class LuongDotAttention extends ScoringAttention {

  private final float scale;

  /** Dot-product attention; {@code scaled} divides scores by √keySize. */
  public LuongDotAttention(int querySize, int keySize, boolean scaled) {
    super(querySize, keySize);
    if (querySize != keySize) {
      throw new IllegalArgumentException("dot attention needs equal query and key sizes, got " + querySize + " and "
          + keySize + " (a bidirectional encoder doubles the key size: use luong-general)");
    }
    this.scale = scaled ? (float) (1 / Math.sqrt(keySize)) : 1f;
  }

  @Override
  protected Tensor keys(Forward fwd, Tensor states) {
    return states;
  }

  @Override
  protected Tensor scores(Forward fwd, Tensor query, PreparedSource source) {
    Tensor s = dotScores(fwd, source.keys(), query);
    return scale == 1f ? s : Arithmetic.scale(fwd, s, scale);
  }
}

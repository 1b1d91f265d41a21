package dev.attento.attention;

import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Luong et al. 2015, eq. 8, "general": {@code score(h_t, h̄_s) = h_tᵀ W_a h̄_s} with
 * {@code W_a} of shape {@code [querySize, keySize]}. {@code W_a h̄_s} does not depend on the
 * decoder step, so it is computed once per batch and each step is a single batched GEMV.
 * {@code W_a} starts uniform in ±1/√keySize, as PyTorch's {@code nn.Linear} would.
 */
public final class LuongGeneralAttention extends ScoringAttention {

  private final Tensor weight;

  /** General (bilinear) attention. */
  public LuongGeneralAttention(int querySize, int keySize, UniformRandomProvider random) {
    super(querySize, keySize);
    this.weight = parameter("W_a", AttentionParameters.uniform(random, querySize, keySize));
  }

  @Override
  protected Tensor keys(Tensor states) {
    return Linear.linear(states, weight, null);
  }

  @Override
  protected Tensor scores(Tensor query, PreparedSource source) {
    return dotScores(source.keys(), query);
  }
}

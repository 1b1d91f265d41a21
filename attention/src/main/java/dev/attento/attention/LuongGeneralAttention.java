package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.init.Initialization;

/**
 * Luong et al. 2015, eq. 8, "general": {@code score(h_t, h̄_s) = h_tᵀ W_a h̄_s} with
 * {@code W_a} of shape {@code [querySize, keySize]}. {@code W_a h̄_s} does not depend on the
 * decoder step, so it is computed once per batch and each step is a single batched GEMV.
 * {@code W_a} starts uniform in ±1/√keySize, as PyTorch's {@code nn.Linear} would.
 */
public final class LuongGeneralAttention extends ScoringAttention {

  private final Tensor weight;

  /** General (bilinear) attention. */
  public LuongGeneralAttention(int querySize, int keySize, Initialization init) {
    super(querySize, keySize);
    this.weight = parameter(init, "W_a", querySize, keySize);
  }

  @Override
  protected Tensor keys(Forward fwd, Tensor states) {
    return Linear.linear(fwd, states, weight, null);
  }

  @Override
  protected Tensor scores(Forward fwd, Tensor query, PreparedSource source) {
    return dotScores(fwd, source.keys(), query);
  }
}

package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.init.Initialization;

/**
 * Luong et al. 2015, eq. 8, "concat": {@code score = v_aᵀ tanh(W_a [h_t; h̄_s])}. Splitting
 * {@code W_a} column-wise into a query part and a key part gives the identical
 * {@code v_aᵀ tanh(W_q h_t + W_k h̄_s)}, so the key part is applied once per batch. The single
 * {@code W_a [A, querySize + keySize]} matrix of the paper is kept as the parameter.
 */
public final class LuongConcatAttention extends ScoringAttention {

  private final Tensor wa;
  private final Tensor va;

  /** Concat attention with {@code attentionSize} hidden units. */
  public LuongConcatAttention(int querySize, int keySize, int attentionSize, Initialization init) {
    super(querySize, keySize);
    this.wa = parameter(init, "W_a", attentionSize, querySize + keySize);
    this.va = parameter(init, "v_a", attentionSize);
  }

  @Override
  protected Tensor keys(Forward fwd, Tensor states) {
    return Linear.linear(fwd, states, Shaping.slice(fwd, wa, 1, querySize, querySize + keySize), null);
  }

  @Override
  protected Tensor scores(Forward fwd, Tensor query, PreparedSource source) {
    Tensor projected = Linear.linear(fwd, query, Shaping.slice(fwd, wa, 1, 0, querySize), null);
    return AdditiveScore.score(fwd, source.keys(), projected, va);
  }
}

package dev.attento.attention;

import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

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
  public LuongConcatAttention(int querySize, int keySize, int attentionSize, UniformRandomProvider random) {
    super(querySize, keySize);
    this.wa = parameter("W_a", AttentionParameters.uniform(random, attentionSize, querySize + keySize));
    this.va = parameter("v_a", AttentionParameters.uniform(random, attentionSize, 1));
  }

  @Override
  protected Tensor keys(Tensor states) {
    return Linear.linear(states, Shaping.slice(wa, 1, querySize, querySize + keySize), null);
  }

  @Override
  protected Tensor scores(Tensor query, PreparedSource source) {
    Tensor projected = Linear.linear(query, Shaping.slice(wa, 1, 0, querySize), null);
    return AdditiveScore.score(source.keys(), projected, va);
  }
}

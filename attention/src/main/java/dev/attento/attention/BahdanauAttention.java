package dev.attento.attention;

import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Additive attention of Bahdanau et al. 2014 (eq. 6 and appendix A.1.2):
 * {@code e_ij = v_aᵀ tanh(W_a s_{i-1} + U_a h_j)}. {@code U_a h_j} is computed once per batch;
 * each step adds the projected query and applies the fused additive score. In Attento's
 * decoder the query is the current top-layer state (Luong's flow), which is how
 * "any mechanism" plugs into one decoder.
 *
 * <p>Parameters: {@code W_a [A, querySize]}, {@code U_a [A, keySize]}, {@code v_a [A]}.
 */
public final class BahdanauAttention extends ScoringAttention {

  private final Tensor wa;
  private final Tensor ua;
  private final Tensor va;

  /** Additive attention with an attention layer of {@code attentionSize} units. */
  public BahdanauAttention(int querySize, int keySize, int attentionSize, UniformRandomProvider random) {
    super(querySize, keySize);
    this.wa = parameter("W_a", AttentionParameters.uniform(random, attentionSize, querySize));
    this.ua = parameter("U_a", AttentionParameters.uniform(random, attentionSize, keySize));
    this.va = parameter("v_a", AttentionParameters.uniform(random, attentionSize, 1));
  }

  @Override
  protected Tensor keys(Tensor states) {
    return Linear.linear(states, ua, null);
  }

  @Override
  protected Tensor scores(Tensor query, PreparedSource source) {
    return AdditiveScore.score(source.keys(), Linear.linear(query, wa, null), va);
  }
}

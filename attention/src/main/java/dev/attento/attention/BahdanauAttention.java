package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.init.Initialization;

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
  public BahdanauAttention(int querySize, int keySize, int attentionSize, Initialization init) {
    super(querySize, keySize);
    this.wa = parameter(init, "W_a", attentionSize, querySize);
    this.ua = parameter(init, "U_a", attentionSize, keySize);
    this.va = parameter(init, "v_a", attentionSize);
  }

  @Override
  protected Tensor keys(Forward fwd, Tensor states) {
    return Linear.linear(fwd, states, ua, null);
  }

  @Override
  protected Tensor scores(Forward fwd, Tensor query, PreparedSource source) {
    return AdditiveScore.score(fwd, source.keys(), Linear.linear(fwd, query, wa, null), va);
  }
}

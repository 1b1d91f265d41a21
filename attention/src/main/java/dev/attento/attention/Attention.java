package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import java.util.Map;

/**
 * An attention mechanism (Bahdanau et al. 2014; Luong et al. 2015): scores each encoder
 * state against the decoder's query, turns the scores into weights with a softmax in which
 * padded source positions get exactly zero weight, and returns the weighted sum of the
 * encoder states as the context vector.
 *
 * <p>The work that depends only on the source (e.g. Bahdanau's {@code U_a·h_s}) is done once
 * per batch in {@link #prepare}, not at every decoder step.
 */
public interface Attention {

  /**
   * Prepares a batch of encoder states for repeated queries.
   *
   * @param encoderStates {@code [batch, srcLen, keySize]}
   * @param sourceMask {@code [batch, srcLen]}, 1 for real tokens and 0 for padding
   */
  PreparedSource prepare(Forward fwd, Tensor encoderStates, Tensor sourceMask);

  /**
   * Attends to the prepared source.
   *
   * @param query the decoder state {@code [batch, querySize]}
   * @return the context {@code [batch, keySize]} and weights {@code [batch, srcLen]}
   */
  Result attend(Forward fwd, Tensor query, PreparedSource source);

  /** Trainable parameters by name (empty for parameter-free mechanisms such as Luong dot). */
  Map<String, Tensor> parameters();

  /**
   * Encoder states with whatever the mechanism precomputed from them.
   *
   * @param states {@code [batch, srcLen, keySize]}
   * @param mask {@code [batch, srcLen]} of 1/0
   * @param keys mechanism-specific projection of the states (may be {@code states} itself)
   */
  record PreparedSource(Tensor states, Tensor mask, Tensor keys) {}

  /**
   * The outcome of one attention step.
   *
   * @param context {@code [batch, keySize]}
   * @param weights {@code [batch, srcLen]}, each row summing to 1 over real tokens
   */
  record Result(Tensor context, Tensor weights) {}
}

package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
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
  record PreparedSource(Tensor states, Tensor mask, Tensor keys) {

    /**
     * This source's sentences followed by {@code other}'s, both padded to the longer source
     * with zero states and a zero mask (padding gets no weight, so a sentence attends as it
     * would alone). Meant for decoding: no gradient reaches the padding.
     */
    public PreparedSource joined(Forward fwd, PreparedSource other) {
      int length = Math.max(mask.dim(1), other.mask.dim(1));
      return new PreparedSource(join(fwd, states, other.states, length), join(fwd, mask, other.mask, length),
          join(fwd, keys, other.keys, length));
    }

    /** {@code a} and {@code b} stacked along the batch, each padded with zeros to {@code length} along axis 1. */
    private static Tensor join(Forward fwd, Tensor a, Tensor b, int length) {
      return Shaping.concat(fwd, 0, padded(fwd, a, length), padded(fwd, b, length));
    }

    private static Tensor padded(Forward fwd, Tensor t, int length) {
      if (t.dim(1) == length) {
        return t;
      }
      int[] shape = t.shape();
      shape[1] = length - t.dim(1);
      return Shaping.concat(fwd, 1, t, Tensor.zeros(shape));
    }
  }

  /**
   * The outcome of one attention step.
   *
   * @param context {@code [batch, keySize]}
   * @param weights {@code [batch, srcLen]}, each row summing to 1 over real tokens
   */
  record Result(Tensor context, Tensor weights) {}
}

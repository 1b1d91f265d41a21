package dev.attento.seq2seq.model;

import dev.attento.core.ops.Forward;

/**
 * What a decoder carries from one step to the next, for a batch of rows. Each decoder has a
 * state type of its own ({@link AttentionDecoder.State}, {@link FixedContextDecoder.State});
 * searches only ever narrow a state down to some of its rows.
 */
public interface DecoderState {

  /**
   * The state of the given rows, in the given order (a row may repeat): how beam search
   * follows the surviving hypotheses.
   */
  DecoderState select(Forward fwd, int[] rows);

  /**
   * The state of the first {@code rows} rows: how teacher forcing drops sentences that have
   * ended from the end of a length-sorted batch.
   */
  DecoderState prefix(Forward fwd, int rows);

  /**
   * This state's rows followed by those of {@code other}, a state of the same decoder started
   * from other sentences: how a running greedy search takes in new sentences between steps
   * ({@link dev.attento.seq2seq.decode.ContinuousGreedySearch}). Sources of different lengths
   * are padded to the longer, and padding gets no attention, so each row computes what it would
   * in a batch of its own. Meant for decoding: no gradient reaches the padding.
   *
   * @throws IllegalArgumentException if {@code other} belongs to another kind of decoder
   */
  DecoderState join(Forward fwd, DecoderState other);
}

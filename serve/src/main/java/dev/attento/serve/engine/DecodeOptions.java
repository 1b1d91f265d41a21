package dev.attento.serve.engine;

/**
 * How to decode a batch. Equal options decode together; sentences asking for different
 * options go into separate batches, which is why this is a value with value equality.
 *
 * @param beam beam size, 1 for greedy search
 * @param nbest how many hypotheses to return per sentence, at most {@code beam}
 * @param lengthPenalty α of the GNMT length penalty, 0 ranks by raw log-probability
 * @param maxLength the most target tokens to produce; the model's own length rule may stop earlier
 * @param attention whether to return the attention matrix of each hypothesis
 * @param noRepeatNgram no n-gram of this size may occur twice in an output (0: off), as
 *     {@code attento translate --no-repeat-ngram} does
 * @param coveragePenalty β of the GNMT coverage penalty for beam search over an attention model
 *     (0: off), as {@code attento translate --coverage-penalty} does
 */
public record DecodeOptions(int beam, int nbest, double lengthPenalty, int maxLength, boolean attention,
                            int noRepeatNgram, double coveragePenalty) {

  /** Checks the values any engine can rely on; the server's limits are checked before. */
  public DecodeOptions {
    if (beam < 1 || nbest < 1 || nbest > beam || maxLength < 1 || !Double.isFinite(lengthPenalty)
        || noRepeatNgram < 0 || !(coveragePenalty >= 0) || Double.isInfinite(coveragePenalty)) {
      throw new IllegalArgumentException("invalid decoding options: beam " + beam + ", nbest " + nbest
          + ", lengthPenalty " + lengthPenalty + ", maxLength " + maxLength + ", noRepeatNgram " + noRepeatNgram
          + ", coveragePenalty " + coveragePenalty);
    }
  }

  /** Options without n-gram blocking or coverage penalty. */
  public DecodeOptions(int beam, int nbest, double lengthPenalty, int maxLength, boolean attention) {
    this(beam, nbest, lengthPenalty, maxLength, attention, 0, 0.0);
  }
}

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
 */
public record DecodeOptions(int beam, int nbest, double lengthPenalty, int maxLength, boolean attention) {

  /** Checks the values any engine can rely on; the server's limits are checked before. */
  public DecodeOptions {
    if (beam < 1 || nbest < 1 || nbest > beam || maxLength < 1 || !Double.isFinite(lengthPenalty)) {
      throw new IllegalArgumentException("invalid decoding options: beam " + beam + ", nbest " + nbest
          + ", lengthPenalty " + lengthPenalty + ", maxLength " + maxLength);
    }
  }
}

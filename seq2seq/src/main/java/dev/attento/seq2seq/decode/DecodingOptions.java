package dev.attento.seq2seq.decode;

/**
 * How to search for a translation.
 *
 * @param beamSize 1 for greedy search, more for beam search
 * @param lengthPenalty α of the GNMT length penalty ((5+|Y|)/6)^α (Wu et al. 2016, eq. 14);
 *     0 ranks beams by raw log-probability, which favours short outputs
 * @param maxLengthRatio the output may be at most {@code ratio · sourceLength + maxLengthExtra} tokens
 * @param maxLengthExtra see {@code maxLengthRatio}
 * @param stopAtEos whether greedy search stops once every sentence has produced EOS (normal
 *     use); {@code false} always runs to the maximum length, as benchmarks that must not
 *     depend on what the model has learned do
 */
public record DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                              boolean stopAtEos) {

  public DecodingOptions {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beam size must be at least 1, got " + beamSize);
    }
    if (maxLengthRatio < 0 || maxLengthExtra < 0) {
      throw new IllegalArgumentException("maximum length settings must be non-negative");
    }
  }

  /** Options that stop at EOS. */
  public DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra) {
    this(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, true);
  }

  /**
   * Greedy search, output up to three times the source length plus 20 tokens (generous,
   * because source and target may be tokenized differently, e.g. words to characters;
   * decoding stops at EOS anyway).
   */
  public static DecodingOptions greedy() {
    return new DecodingOptions(1, 0.0, 3.0, 20);
  }

  /** Beam search of the given width with length penalty 0.6 (the GNMT setting). */
  public static DecodingOptions beam(int size) {
    return new DecodingOptions(size, 0.6, 3.0, 20);
  }

  /** The longest output allowed for a source of {@code sourceLength} tokens. */
  public int maxLength(int sourceLength) {
    return (int) Math.ceil(maxLengthRatio * sourceLength) + maxLengthExtra;
  }
}

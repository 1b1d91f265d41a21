package dev.attento.seq2seq.decode;

import dev.attento.seq2seq.text.SpecialTokens;

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
 * @param noRepeatNgram forbid any n-gram of this size from appearing twice in an output, as
 *     fairseq's {@code --no-repeat-ngram-size} does (0: off); see {@link RepeatedNgrams}
 * @param coveragePenalty β of the GNMT coverage penalty β·Σ_i log(min(Σ_j a_ij, 1)) (Wu et al.
 *     2016, eq. 14), added to the score beam search ranks finished hypotheses of an attention
 *     model by, so that a translation which left source tokens unattended ranks lower (0: off)
 * @param forbidUnknown never emit UNK (see {@link #withForbidUnknown})
 */
public record DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                              boolean stopAtEos, int noRepeatNgram, double coveragePenalty, boolean forbidUnknown) {

  /**
   * Floor of a source token's summed attention in the coverage penalty: a token the softmax
   * gave exactly zero (float underflow) would otherwise make the penalty −∞ and the ranking
   * meaningless; log(1e-6) ≈ −13.8 already ranks such a hypothesis far down.
   */
  static final double MIN_COVERAGE = 1e-6;

  public DecodingOptions {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beam size must be at least 1, got " + beamSize);
    }
    if (maxLengthRatio < 0 || maxLengthExtra < 0) {
      throw new IllegalArgumentException("maximum length settings must be non-negative");
    }
    if (noRepeatNgram < 0) {
      throw new IllegalArgumentException("no-repeat n-gram size must be 0 (off) or more, got " + noRepeatNgram);
    }
    if (!(coveragePenalty >= 0) || Double.isInfinite(coveragePenalty)) {
      throw new IllegalArgumentException("coverage penalty must be 0 (off) or more, got " + coveragePenalty);
    }
  }

  /** Options that may emit UNK. */
  public DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                         boolean stopAtEos, int noRepeatNgram, double coveragePenalty) {
    this(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, noRepeatNgram, coveragePenalty, false);
  }

  /** Options without a coverage penalty. */
  public DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                         boolean stopAtEos, int noRepeatNgram) {
    this(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, noRepeatNgram, 0.0);
  }

  /** Options without n-gram blocking. */
  public DecodingOptions(int beamSize, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                         boolean stopAtEos) {
    this(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, 0);
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

  /** These options with another beam size. */
  public DecodingOptions withBeamSize(int size) {
    return new DecodingOptions(size, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, noRepeatNgram,
        coveragePenalty, forbidUnknown);
  }

  /** These options with another n-gram blocking size (0: off). */
  public DecodingOptions withNoRepeatNgram(int n) {
    return new DecodingOptions(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, n, coveragePenalty,
        forbidUnknown);
  }

  /** These options with another coverage penalty β (0: off). */
  public DecodingOptions withCoveragePenalty(double beta) {
    return new DecodingOptions(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, noRepeatNgram, beta,
        forbidUnknown);
  }

  /**
   * These options, never emitting UNK if {@code forbid}: for a target vocabulary that can spell
   * every text without it (subword units with byte fallback), where an UNK in the output could
   * only be a model's error and would print as {@code <unk>}.
   */
  public DecodingOptions withForbidUnknown(boolean forbid) {
    return new DecodingOptions(beamSize, lengthPenalty, maxLengthRatio, maxLengthExtra, stopAtEos, noRepeatNgram,
        coveragePenalty, forbid);
  }

  /**
   * Removes the tokens these options forbid from one step's {@code [rows, vocab]}
   * log-probabilities, in place (their log-probability becomes −∞), before the search picks.
   */
  void removeForbidden(float[] logProbs, int vocab) {
    if (!forbidUnknown) {
      return;
    }
    for (int row = 0; row < logProbs.length; row += vocab) {
      logProbs[row + SpecialTokens.UNK] = Float.NEGATIVE_INFINITY;
    }
  }

  /**
   * The score beam search ranks finished hypotheses by: the log-probability divided by the GNMT
   * length penalty ((5+|Y|)/6)^α, where |Y| counts the EOS too.
   *
   * @param tokens the hypothesis' tokens without EOS
   */
  public double rankingScore(double logProbability, int tokens) {
    return logProbability / Math.pow((5.0 + tokens + 1) / 6.0, lengthPenalty);
  }

  /**
   * The score beam search ranks finished hypotheses by, GNMT's s(Y, X) (Wu et al. 2016, eq. 14):
   * the {@linkplain #rankingScore(double, int) length-normalised log-probability} plus the
   * {@linkplain #coverage coverage penalty}.
   *
   * @param tokens the hypothesis' tokens without EOS
   * @param attention the hypothesis' attention rows (one per token and EOS), or null for a
   *     model without attention, which gets no coverage penalty
   * @param sourceLength the source tokens the rows' first columns belong to (later columns are padding)
   */
  public double rankingScore(double logProbability, int tokens, float[][] attention, int sourceLength) {
    return rankingScore(logProbability, tokens) + coverage(attention, sourceLength);
  }

  /**
   * The coverage penalty β·Σ_i log(min(Σ_j a_ij, 1)) over the source tokens i and output steps j:
   * 0 when every source token received a total attention of at least 1, negative otherwise
   * (a summed attention is floored at {@value #MIN_COVERAGE}); 0 without attention or with β = 0.
   */
  public double coverage(float[][] attention, int sourceLength) {
    if (coveragePenalty == 0 || attention == null) {
      return 0;
    }
    double penalty = 0;
    for (int i = 0; i < sourceLength; i++) {
      double total = 0;
      for (float[] row : attention) {
        total += row[i];
      }
      penalty += Math.log(Math.max(MIN_COVERAGE, Math.min(total, 1.0)));
    }
    return coveragePenalty * penalty;
  }

  /**
   * The longest output allowed for a source of {@code sourceLength} tokens, at most
   * {@link Integer#MAX_VALUE}: a huge ratio (an edited {@code maxLengthRatio=1e308}) means no
   * limit but end of sentence, where the sum used to overflow to a negative length and every
   * translation came out empty.
   */
  public int maxLength(int sourceLength) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(maxLengthRatio * sourceLength) + (double) maxLengthExtra);
  }
}

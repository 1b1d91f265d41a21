package dev.attento.seq2seq.config;

import dev.attento.seq2seq.decode.DecodingOptions;

/**
 * The {@code decoding} section. Each component is the key of the same name in
 * {@link DecodingKeys}, checked against it on construction.
 *
 * @param beam beam width (1: greedy search)
 * @param lengthPenalty GNMT length penalty alpha
 * @param maxLengthRatio output at most {@code ratio · source length + maxLengthExtra} tokens
 * @param maxLengthExtra see {@code maxLengthRatio}
 * @param replaceUnknown replace each output UNK with the source token it attends to most
 * @param noRepeatNgram forbid repeating any n-gram of this size in an output (0: off)
 * @param coveragePenalty β of the GNMT coverage penalty for beam search over an attention model (0: off)
 */
public record DecodingSettings(int beam, double lengthPenalty, double maxLengthRatio, int maxLengthExtra,
                               boolean replaceUnknown, int noRepeatNgram, double coveragePenalty) {

  public DecodingSettings {
    DecodingKeys.BEAM.check(beam);
    DecodingKeys.LENGTH_PENALTY.check(lengthPenalty);
    DecodingKeys.MAX_LENGTH_RATIO.check(maxLengthRatio);
    DecodingKeys.MAX_LENGTH_EXTRA.check(maxLengthExtra);
    DecodingKeys.NO_REPEAT_NGRAM.check(noRepeatNgram);
    DecodingKeys.COVERAGE_PENALTY.check(coveragePenalty);
  }

  /** The search settings (stopping at EOS, as normal use does). */
  public DecodingOptions toDecodingOptions() {
    return new DecodingOptions(beam, lengthPenalty, maxLengthRatio, maxLengthExtra, true, noRepeatNgram,
        coveragePenalty);
  }
}

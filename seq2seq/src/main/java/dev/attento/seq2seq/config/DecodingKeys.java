package dev.attento.seq2seq.config;

import static dev.attento.seq2seq.config.ValueTypes.integer;
import static dev.attento.seq2seq.config.ValueTypes.number;

import java.util.List;

/** The keys of the {@code decoding} section: how translations are searched. */
public final class DecodingKeys {

  private DecodingKeys() {}

  /** Widest beam accepted (each beam is a hypothesis kept per sentence and step). */
  public static final int MAX_BEAM = 1024;

  public static final ConfigKey<Integer> BEAM = new ConfigKey<>("decoding.beam", integer(1, MAX_BEAM), 1,
      "Beam width (1: greedy search).", c -> c.decoding().beam());
  public static final ConfigKey<Double> LENGTH_PENALTY = new ConfigKey<>("decoding.lengthPenalty",
      number(0, true, Double.POSITIVE_INFINITY, false), 0.6,
      "GNMT length penalty alpha for beam search (Wu et al. 2016); 0 ranks by raw log-probability.",
      c -> c.decoding().lengthPenalty());
  public static final ConfigKey<Double> MAX_LENGTH_RATIO = new ConfigKey<>("decoding.maxLengthRatio",
      number(0, true, Double.POSITIVE_INFINITY, false), 3.0,
      "Output at most ratio x source length + maxLengthExtra tokens.", c -> c.decoding().maxLengthRatio());
  public static final ConfigKey<Integer> MAX_LENGTH_EXTRA = new ConfigKey<>("decoding.maxLengthExtra",
      integer(0, Integer.MAX_VALUE), 20, "See decoding.maxLengthRatio.", c -> c.decoding().maxLengthExtra());
  public static final ConfigKey<Boolean> REPLACE_UNKNOWN = new ConfigKey<>("decoding.replaceUnknown",
      ValueTypes.flag(), false, "Replace each UNK in the output with the source token it attends to most.",
      c -> c.decoding().replaceUnknown());

  public static final ConfigKey<Integer> NO_REPEAT_NGRAM = new ConfigKey<>("decoding.noRepeatNgram",
      integer(0, 1000), 0,
      "Forbid repeating any n-gram of this size in an output, as fairseq's --no-repeat-ngram-size (0: off).",
      c -> c.decoding().noRepeatNgram());
  public static final ConfigKey<Double> COVERAGE_PENALTY = new ConfigKey<>("decoding.coveragePenalty",
      number(0, true, Double.POSITIVE_INFINITY, false), 0.0,
      "GNMT coverage penalty beta (Wu et al. 2016): beam search ranks an attention model's finished translations "
          + "lower when source tokens got less than a total attention of 1 (0: off; no effect on greedy search).",
      c -> c.decoding().coveragePenalty());

  /** Every key of the section, in the order config files list them. */
  public static final List<ConfigKey<?>> ALL = List.of(BEAM, LENGTH_PENALTY, MAX_LENGTH_RATIO, MAX_LENGTH_EXTRA,
      REPLACE_UNKNOWN, NO_REPEAT_NGRAM, COVERAGE_PENALTY);
}

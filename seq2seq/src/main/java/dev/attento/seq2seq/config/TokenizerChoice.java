package dev.attento.seq2seq.config;

import dev.attento.seq2seq.text.TokenizerSpec;

/**
 * A side's tokenizer as {@code data.sourceTokenizer} and {@code data.targetTokenizer} set it:
 * {@code auto} (the toy task's choice, word level for corpora) or a {@link TokenizerSpec}
 * such as {@code char} or {@code word:lowercase,fold}.
 *
 * @param spec the tokenizer, or {@code null} for {@code auto}
 */
public record TokenizerChoice(TokenizerSpec spec) {

  /** Let the data decide. */
  public static final TokenizerChoice AUTO = new TokenizerChoice(null);

  /** What the setting accepts, for messages and docs. */
  public static final String GRAMMAR = "auto, char, bpe[:VOCABULARY_SIZE] (subwords learned from the training data), "
      + "or word[:FILTER,...] with filters lowercase, fold, elision, join";

  /**
   * Parses {@code auto} or a tokenizer description.
   *
   * @throws IllegalArgumentException if it is neither
   */
  public static TokenizerChoice parse(String text) {
    return text.trim().equalsIgnoreCase("auto") ? AUTO : new TokenizerChoice(TokenizerSpec.parse(text));
  }

  /** Whether the data decides. */
  public boolean isAuto() {
    return spec == null;
  }

  /** The tokenizer, with {@code fallback} (e.g. a task's {@code char}) standing in for {@code auto}. */
  public TokenizerSpec orElse(String fallback) {
    return spec != null ? spec : TokenizerSpec.parse(fallback);
  }

  /** {@code auto} or the tokenizer's textual form. */
  @Override
  public String toString() {
    return spec == null ? "auto" : spec.toString();
  }
}

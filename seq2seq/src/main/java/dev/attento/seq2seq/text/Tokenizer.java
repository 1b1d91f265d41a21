package dev.attento.seq2seq.text;

import java.util.List;

/**
 * Splits a sentence into tokens and joins tokens back into a sentence. A translator's output
 * is tokens, so {@link #detokenize} must undo {@link #tokenize} well enough for a person (and
 * for sacreBLEU, which re-tokenizes detokenized text).
 */
public interface Tokenizer {

  /** The tokens of {@code text}. */
  List<String> tokenize(String text);

  /** Text from tokens. */
  String detokenize(List<String> tokens);

  /** How to rebuild this tokenizer (saved with a model). */
  TokenizerSpec spec();
}

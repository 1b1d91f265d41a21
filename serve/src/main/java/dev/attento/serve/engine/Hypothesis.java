package dev.attento.serve.engine;

import java.util.List;

/**
 * One translation of a sentence.
 *
 * @param text the detokenized translation
 * @param score the model's score (log-probability, length-penalised if asked), higher is better
 * @param tokens the target tokens, without begin/end markers
 * @param attention null unless asked for; else one row per target token, each row the weights
 *     over the source tokens ({@code attention.get(t).get(s)}), so
 *     {@code tokens.size()} rows of {@link SentenceResult#sourceTokens()}{@code .size()} weights
 */
public record Hypothesis(String text, double score, List<String> tokens, List<List<Double>> attention) {

  /** Copies the lists, so that a result cannot change after it is returned. */
  public Hypothesis {
    tokens = List.copyOf(tokens);
    attention = attention == null ? null : attention.stream().map(List::copyOf).toList();
  }
}

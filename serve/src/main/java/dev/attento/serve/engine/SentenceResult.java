package dev.attento.serve.engine;

import java.util.List;

/**
 * The translations of one source sentence.
 *
 * @param sourceTokens the source as the model tokenized it (the columns of an attention matrix)
 * @param hypotheses one or more translations, best first
 */
public record SentenceResult(List<String> sourceTokens, List<Hypothesis> hypotheses) {

  /** Copies the lists and requires at least one hypothesis. */
  public SentenceResult {
    sourceTokens = List.copyOf(sourceTokens);
    hypotheses = List.copyOf(hypotheses);
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("a sentence result needs at least one hypothesis");
    }
  }
}

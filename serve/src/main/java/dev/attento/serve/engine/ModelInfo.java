package dev.attento.serve.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a served model is, as {@code GET /v1/models} lists it.
 *
 * @param name how requests choose the model (e.g. the run's name); letters, digits, {@code . _ -}
 * @param cell the recurrent cell (e.g. {@code lstm})
 * @param attention the attention mechanism, or {@code none} for a fixed context vector
 * @param sourceVocabulary source vocabulary size
 * @param targetVocabulary target vocabulary size
 * @param trainingSteps the training steps of the checkpoint
 * @param devScores the dev-set scores of the checkpoint by name (e.g. {@code bleu}, {@code chrf})
 */
public record ModelInfo(String name, String cell, String attention, int sourceVocabulary, int targetVocabulary,
                        long trainingSteps, Map<String, Double> devScores) {

  /** Checks the name, which appears in metrics labels and the page; sorts the scores by name. */
  public ModelInfo {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("a model name must be 1-64 letters, digits, '.', '_' or '-', got " + name);
    }
    devScores = Collections.unmodifiableSortedMap(new TreeMap<>(devScores));
  }
}

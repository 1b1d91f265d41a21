package dev.attento.seq2seq.eval;

import java.util.List;

/** Sentence-level accuracy measures on token sequences. */
public final class SequenceMetrics {

  private SequenceMetrics() {}

  /** Whether the hypothesis equals the reference exactly. */
  public static boolean exact(List<String> hypothesis, List<String> reference) {
    return hypothesis.equals(reference);
  }

  /**
   * Correct positions over reference length: position i counts if the hypothesis has the
   * reference token there; positions past the hypothesis's end count as wrong (as in the
   * PyTorch reference evaluation).
   */
  public static double tokenAccuracy(List<String> hypothesis, List<String> reference) {
    if (reference.isEmpty()) {
      return hypothesis.isEmpty() ? 1 : 0;
    }
    int correct = 0;
    for (int i = 0; i < reference.size(); i++) {
      if (i < hypothesis.size() && hypothesis.get(i).equals(reference.get(i))) {
        correct++;
      }
    }
    return (double) correct / reference.size();
  }
}

package dev.attento.seq2seq.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pairs read from a corpus and an account of what was skipped.
 *
 * @param pairs the usable pairs, in file order
 * @param problems every skipped line with its reason
 * @param blankLines blank lines skipped silently
 */
public record Corpus(List<SentencePair> pairs, List<CorpusProblem> problems, long blankLines) {

  /** Skipped lines counted by reason. */
  public Map<String, Integer> problemCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    problems.forEach(p -> counts.merge(p.reason(), 1, Integer::sum));
    return counts;
  }

  /** A one-line summary such as {@code 1200 pairs; skipped 3 (missing tab: 2, empty target: 1)}. */
  public String summary() {
    StringBuilder sb = new StringBuilder(pairs.size() + " pairs");
    if (!problems.isEmpty()) {
      sb.append("; skipped ").append(problems.size()).append(" malformed line(s) ").append(problemCounts());
    }
    if (blankLines > 0) {
      sb.append("; ").append(blankLines).append(" blank line(s)");
    }
    return sb.toString();
  }
}

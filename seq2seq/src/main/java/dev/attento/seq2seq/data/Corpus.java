package dev.attento.seq2seq.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pairs read from a corpus and an account of what was left out. Malformed input (a line
 * without a tab, an unterminated string) is a {@linkplain CorpusProblem problem} with its
 * place in the file; well-formed entries that are simply not usable as training pairs (an
 * untranslated or fuzzy gettext message, a TMX unit without the target language) are
 * {@code ignored} and only counted, because listing thousands of them helps nobody.
 *
 * @param pairs the usable pairs, in file order
 * @param problems every skipped malformed line or entry with its reason
 * @param blankLines blank lines skipped silently
 * @param ignored well-formed entries left out, counted by reason (sorted by reason)
 */
public record Corpus(List<SentencePair> pairs, List<CorpusProblem> problems, long blankLines, Map<String, Long> ignored) {

  /** A corpus; the lists and map are copied. */
  public Corpus {
    pairs = List.copyOf(pairs);
    problems = List.copyOf(problems);
    ignored = new TreeMap<>(ignored);
  }

  /** A corpus in which nothing well-formed was ignored (TSV, aligned files). */
  public Corpus(List<SentencePair> pairs, List<CorpusProblem> problems, long blankLines) {
    this(pairs, problems, blankLines, Map.of());
  }

  /** Skipped lines counted by reason. */
  public Map<String, Integer> problemCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    problems.forEach(p -> counts.merge(p.reason(), 1, Integer::sum));
    return counts;
  }

  /**
   * A one-line summary such as {@code 1200 pairs; skipped 3 malformed line(s) {empty target=1,
   * missing tab=2}, the first at train.tsv:17}: the first skipped line's place, so an over-long
   * or undecodable line can be found without {@code data stats}.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder(pairs.size() + " pairs");
    if (!problems.isEmpty()) {
      CorpusProblem first = problems.get(0);
      sb.append("; skipped ").append(problems.size()).append(" malformed line(s) ").append(problemCounts())
          .append(", the first at ").append(first.file()).append(first.line() > 0 ? ":" + first.line() : "");
    }
    if (blankLines > 0) {
      sb.append("; ").append(blankLines).append(" blank line(s)");
    }
    if (!ignored.isEmpty()) {
      sb.append("; ignored ").append(ignored.values().stream().mapToLong(Long::longValue).sum())
          .append(" entries ").append(ignored);
    }
    return sb.toString();
  }
}

package dev.attento.seq2seq.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chrF2 (Popović 2015) as sacreBLEU 2.x computes it by default: character n-grams of orders
 * 1–6 with whitespace removed, β = 2 (recall weighted twice as much as precision), precision
 * and recall averaged over the orders that occur, statistics summed over the corpus.
 */
public final class ChrF {

  /** Character n-gram orders. */
  public static final int ORDER = 6;
  private static final double BETA = 2;

  private ChrF() {}

  /**
   * Per-order counts of one sentence: {@code [hyp n-grams, ref n-grams, matches]} for n = 1..6.
   *
   * @param counts 3 × {@link #ORDER} values
   */
  public record Stats(long[] counts) {}

  /** Statistics of one hypothesis against its reference. */
  public static Stats stats(String hypothesis, String reference) {
    int[] hyp = hypothesis.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
    int[] ref = reference.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
    long[] counts = new long[3 * ORDER];
    for (int n = 1; n <= ORDER; n++) {
      Map<String, Integer> h = ngrams(hyp, n);
      Map<String, Integer> r = ngrams(ref, n);
      long match = 0;
      for (var e : h.entrySet()) {
        match += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
      }
      counts[3 * (n - 1)] = Math.max(0, hyp.length - n + 1);
      counts[3 * (n - 1) + 1] = Math.max(0, ref.length - n + 1);
      counts[3 * (n - 1) + 2] = match;
    }
    return new Stats(counts);
  }

  /** Corpus chrF of hypotheses against references, 0–100. */
  public static double corpus(List<String> hypotheses, List<String> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
    }
    Stats[] stats = new Stats[hypotheses.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = stats(hypotheses.get(i), references.get(i));
    }
    return fromStats(stats, null);
  }

  /** The score of the selected sentences (all when {@code indices} is {@code null}). */
  public static double fromStats(Stats[] stats, int[] indices) {
    long[] total = new long[3 * ORDER];
    int n = indices == null ? stats.length : indices.length;
    for (int k = 0; k < n; k++) {
      long[] c = stats[indices == null ? k : indices[k]].counts();
      for (int i = 0; i < total.length; i++) {
        total[i] += c[i];
      }
    }
    double factor = BETA * BETA;
    double avgPrec = 0;
    double avgRec = 0;
    int effective = 0;
    for (int o = 0; o < ORDER; o++) {
      long hyp = total[3 * o];
      long ref = total[3 * o + 1];
      long match = total[3 * o + 2];
      if (hyp > 0 && ref > 0) {
        avgPrec += (double) match / hyp;
        avgRec += (double) match / ref;
        effective++;
      }
    }
    if (effective == 0) {
      return 0;
    }
    avgPrec /= effective;
    avgRec /= effective;
    if (avgPrec + avgRec == 0) {
      return 0;
    }
    return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
  }

  private static Map<String, Integer> ngrams(int[] cps, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= cps.length; i++) {
      counts.merge(new String(cps, i, n), 1, Integer::sum);
    }
    return counts;
  }
}

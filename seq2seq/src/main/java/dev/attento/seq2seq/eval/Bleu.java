package dev.attento.seq2seq.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al. 2002) computed exactly as sacreBLEU 2.x does by default: 13a
 * tokenization, case-sensitive, n-grams up to 4, one reference per sentence, "exp"
 * smoothing for orders without matches, brevity penalty exp(1 - r/c) when c &lt; r.
 * Sentence statistics are kept so that corpora can be resampled (paired bootstrap) without
 * re-tokenizing.
 */
public final class Bleu {

  /** N-gram orders. */
  public static final int MAX_ORDER = 4;

  private Bleu() {}

  /**
   * The sufficient statistics of one sentence.
   *
   * @param matches clipped n-gram matches per order
   * @param totals hypothesis n-grams per order
   * @param hypothesisLength hypothesis tokens
   * @param referenceLength reference tokens
   */
  public record Stats(int[] matches, int[] totals, int hypothesisLength, int referenceLength) {}

  /**
   * A corpus score.
   *
   * @param score BLEU, 0–100
   * @param precisions n-gram precisions (after smoothing), 0–100
   * @param brevityPenalty BP
   * @param sysLen total hypothesis tokens
   * @param refLen total reference tokens
   */
  public record Score(double score, double[] precisions, double brevityPenalty, int sysLen, int refLen) {
    /** sacreBLEU's signature for these settings. */
    public static String signature() {
      return "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:attento";
    }
  }

  /** Statistics of one hypothesis against its reference. */
  public static Stats stats(String hypothesis, String reference) {
    String[] hyp = split(Tokenizer13a.tokenize(hypothesis.stripTrailing()));
    String[] ref = split(Tokenizer13a.tokenize(reference.stripTrailing()));
    int[] matches = new int[MAX_ORDER];
    int[] totals = new int[MAX_ORDER];
    for (int n = 1; n <= MAX_ORDER; n++) {
      Map<String, Integer> refCounts = ngrams(ref, n);
      Map<String, Integer> hypCounts = ngrams(hyp, n);
      for (var e : hypCounts.entrySet()) {
        totals[n - 1] += e.getValue();
        matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
      }
    }
    return new Stats(matches, totals, hyp.length, ref.length);
  }

  /** Corpus BLEU of hypotheses against references (same order, same count). */
  public static Score corpus(List<String> hypotheses, List<String> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
    }
    Stats[] stats = new Stats[hypotheses.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = stats(hypotheses.get(i), references.get(i));
    }
    return fromStats(stats, null);
  }

  /**
   * The score of the sentences {@code indices} selects from {@code stats} (all when
   * {@code null}); an index may repeat, as in bootstrap resampling.
   */
  public static Score fromStats(Stats[] stats, int[] indices) {
    long[] matches = new long[MAX_ORDER];
    long[] totals = new long[MAX_ORDER];
    long sys = 0;
    long ref = 0;
    int n = indices == null ? stats.length : indices.length;
    for (int k = 0; k < n; k++) {
      Stats s = stats[indices == null ? k : indices[k]];
      for (int o = 0; o < MAX_ORDER; o++) {
        matches[o] += s.matches()[o];
        totals[o] += s.totals()[o];
      }
      sys += s.hypothesisLength();
      ref += s.referenceLength();
    }
    double[] precisions = new double[MAX_ORDER];
    double smooth = 1;
    for (int o = 0; o < MAX_ORDER; o++) {
      if (totals[o] == 0) {
        break;
      }
      if (matches[o] == 0) {
        smooth *= 2;
        precisions[o] = 100.0 / (smooth * totals[o]);
      } else {
        precisions[o] = 100.0 * matches[o] / totals[o];
      }
    }
    double bp = sys < ref ? (sys > 0 ? Math.exp(1 - (double) ref / sys) : 0.0) : 1.0;
    double logSum = 0;
    for (double p : precisions) {
      logSum += p == 0 ? -9999999999.0 : Math.log(p);
    }
    double score = bp * Math.exp(logSum / MAX_ORDER);
    return new Score(score, precisions, bp, (int) sys, (int) ref);
  }

  private static String[] split(String tokenized) {
    return tokenized.isEmpty() ? new String[0] : tokenized.split(" ");
  }

  private static Map<String, Integer> ngrams(String[] tokens, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.length; i++) {
      counts.merge(String.join(" ", java.util.Arrays.asList(tokens).subList(i, i + n)), 1, Integer::sum);
    }
    return counts;
  }
}

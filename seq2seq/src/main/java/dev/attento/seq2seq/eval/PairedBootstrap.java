package dev.attento.seq2seq.eval;

import dev.attento.core.random.Randomness;
import java.util.function.BiFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Paired bootstrap resampling (Koehn 2004): is system A's corpus score really better than
 * system B's on the same test set, or could the difference be luck in the choice of
 * sentences? Draw N test sets of the same size with replacement, score both systems on each,
 * and count how often B does at least as well as A. As in sacreBLEU's {@code --paired-bs},
 * the p-value is (that count + 1) / (N + 1).
 */
public final class PairedBootstrap {

  /**
   * The outcome.
   *
   * @param a A's score on the full test set
   * @param b B's score on the full test set
   * @param aLow lower end of A's 95% interval over the samples
   * @param aHigh upper end of A's 95% interval
   * @param bLow lower end of B's 95% interval
   * @param bHigh upper end of B's 95% interval
   * @param pValue probability of seeing A ahead by this much if A were not better
   * @param samples resamples drawn
   */
  public record Result(double a, double b, double aLow, double aHigh, double bLow, double bHigh, double pValue,
                       int samples) {
    /** Whether A beats B at the 5% level. */
    public boolean significant() {
      return pValue < 0.05;
    }
  }

  private PairedBootstrap() {}

  /**
   * Compares two systems with a metric computed from selected sentence indices.
   *
   * @param sentences test-set size
   * @param metricA A's score of a resample (index array; {@code null} for the full set)
   * @param metricB B's score likewise
   */
  public static Result compare(int sentences, java.util.function.Function<int[], Double> metricA,
                               java.util.function.Function<int[], Double> metricB, int samples, long seed) {
    UniformRandomProvider r = Randomness.derive(seed, "bootstrap");
    double a = metricA.apply(null);
    double b = metricB.apply(null);
    DescriptiveStatistics sa = new DescriptiveStatistics();
    DescriptiveStatistics sb = new DescriptiveStatistics();
    int notBetter = 0;
    int[] idx = new int[sentences];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < sentences; i++) {
        idx[i] = r.nextInt(sentences);
      }
      double va = metricA.apply(idx);
      double vb = metricB.apply(idx);
      sa.addValue(va);
      sb.addValue(vb);
      if (va - vb <= 0) {
        notBetter++;
      }
    }
    return new Result(a, b, sa.getPercentile(2.5), sa.getPercentile(97.5), sb.getPercentile(2.5),
        sb.getPercentile(97.5), (notBetter + 1.0) / (samples + 1.0), samples);
  }

  /** Paired bootstrap on corpus BLEU. */
  public static Result bleu(Bleu.Stats[] a, Bleu.Stats[] b, int samples, long seed) {
    return compare(a.length, idx -> Bleu.fromStats(a, idx).score(), idx -> Bleu.fromStats(b, idx).score(), samples, seed);
  }

  /** Paired bootstrap on corpus chrF. */
  public static Result chrf(ChrF.Stats[] a, ChrF.Stats[] b, int samples, long seed) {
    BiFunction<ChrF.Stats[], int[], Double> f = ChrF::fromStats;
    return compare(a.length, idx -> f.apply(a, idx), idx -> f.apply(b, idx), samples, seed);
  }
}

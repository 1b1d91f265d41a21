package dev.attento.spark.eval;

import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import java.io.Serializable;

/**
 * The sums corpus BLEU and chrF are computed from: BLEU's n-gram matches and totals per order
 * and the hypothesis and reference lengths, chrF's per-order character n-gram counts, and the
 * number of sentences. Sums of partitions add up to the corpus's, in any order (integer
 * addition), so the scores computed from them equal {@link Bleu#corpus} and {@link ChrF#corpus}.
 */
public final class SufficientStatistics implements Serializable {

  private final long[] bleuMatches = new long[Bleu.MAX_ORDER];
  private final long[] bleuTotals = new long[Bleu.MAX_ORDER];
  private long hypothesisLength;
  private long referenceLength;
  private final long[] chrf = new long[3 * ChrF.ORDER];
  private long sentences;

  /** Adds one hypothesis scored against its reference. */
  public SufficientStatistics add(String hypothesis, String reference) {
    Bleu.Stats b = Bleu.stats(hypothesis, reference);
    for (int o = 0; o < Bleu.MAX_ORDER; o++) {
      bleuMatches[o] += b.matches()[o];
      bleuTotals[o] += b.totals()[o];
    }
    hypothesisLength += b.hypothesisLength();
    referenceLength += b.referenceLength();
    long[] c = ChrF.stats(hypothesis, reference).counts();
    for (int i = 0; i < chrf.length; i++) {
      chrf[i] += c[i];
    }
    sentences++;
    return this;
  }

  /** Adds {@code other}'s sums into this one's. */
  public SufficientStatistics merge(SufficientStatistics other) {
    for (int o = 0; o < Bleu.MAX_ORDER; o++) {
      bleuMatches[o] += other.bleuMatches[o];
      bleuTotals[o] += other.bleuTotals[o];
    }
    hypothesisLength += other.hypothesisLength;
    referenceLength += other.referenceLength;
    for (int i = 0; i < chrf.length; i++) {
      chrf[i] += other.chrf[i];
    }
    sentences += other.sentences;
    return this;
  }

  /** The sentences counted. */
  public long sentences() {
    return sentences;
  }

  /**
   * Corpus BLEU of the counted sentences. {@link Bleu.Stats} holds its sums as {@code int}: a
   * corpus of more than 2³¹ − 1 tokens on either side is refused rather than wrapped.
   */
  public Bleu.Score bleu() {
    return Bleu.fromStats(new Bleu.Stats[] {bleuStats()}, null);
  }

  /** BLEU's sums as {@link Bleu.Stats}, what {@link Bleu#fromStats} and the paired bootstrap take. */
  public Bleu.Stats bleuStats() {
    int[] matches = new int[Bleu.MAX_ORDER];
    int[] totals = new int[Bleu.MAX_ORDER];
    for (int o = 0; o < Bleu.MAX_ORDER; o++) {
      matches[o] = Math.toIntExact(bleuMatches[o]);
      totals[o] = Math.toIntExact(bleuTotals[o]);
    }
    return new Bleu.Stats(matches, totals, Math.toIntExact(hypothesisLength), Math.toIntExact(referenceLength));
  }

  /** chrF's sums as {@link ChrF.Stats}. */
  public ChrF.Stats chrfStats() {
    return new ChrF.Stats(chrf.clone());
  }

  /** Corpus chrF2 of the counted sentences, 0–100. */
  public double chrf() {
    return ChrF.fromStats(new ChrF.Stats[] {chrfStats()}, null);
  }
}

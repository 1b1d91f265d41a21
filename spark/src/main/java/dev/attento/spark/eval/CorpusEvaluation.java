package dev.attento.spark.eval;

import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import dev.attento.seq2seq.eval.PairedBootstrap;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Corpus BLEU and chrF of a {@code Dataset<Row>} of hypothesis/reference pairs: each task sums
 * its partition's {@link SufficientStatistics}, and the driver adds the partitions' sums, so
 * only a few dozen numbers per partition cross the network and the scores equal
 * {@code attento eval}'s on the same pairs (a null reads as an empty sentence).
 */
public final class CorpusEvaluation {

  private CorpusEvaluation() {}

  /** The summed statistics of the pairs in columns {@code hypothesisColumn} and {@code referenceColumn}. */
  public static SufficientStatistics statistics(Dataset<Row> pairs, String hypothesisColumn, String referenceColumn) {
    return perPartition(pairs, hypothesisColumn, referenceColumn).fold(new SufficientStatistics(), SufficientStatistics::merge);
  }

  /**
   * Each sentence's own statistics, in order: what a paired bootstrap resamples (collect them,
   * or aggregate per resample).
   */
  public static JavaRDD<SufficientStatistics> perSentence(Dataset<Row> pairs, String hypothesisColumn,
                                                          String referenceColumn) {
    return pairs.select(hypothesisColumn, referenceColumn).javaRDD()
        .map(r -> new SufficientStatistics().add(text(r, 0), text(r, 1)));
  }

  /**
   * Whether system A's translations score significantly better than system B's, by the paired
   * bootstrap of {@code attento eval --compare-to} (Koehn 2004; seq2seq's {@link PairedBootstrap}),
   * on BLEU and on chrF. The executors compute each sentence's statistics; the driver collects
   * them (about 30 numbers a sentence a system) and resamples them, so the scores need no
   * second pass over the text.
   *
   * @param pairs one row per sentence with both systems' hypotheses and the reference
   * @param samples resamples to draw (1,000 is customary)
   * @param seed the resampling seed
   */
  public static Comparison pairedBootstrap(Dataset<Row> pairs, String hypothesisA, String hypothesisB,
                                           String referenceColumn, int samples, long seed) {
    List<SufficientStatistics[]> both = pairs.select(hypothesisA, hypothesisB, referenceColumn).javaRDD()
        .map(r -> new SufficientStatistics[] {new SufficientStatistics().add(text(r, 0), text(r, 2)),
            new SufficientStatistics().add(text(r, 1), text(r, 2))}).collect();
    Bleu.Stats[] bleuA = new Bleu.Stats[both.size()];
    Bleu.Stats[] bleuB = new Bleu.Stats[both.size()];
    ChrF.Stats[] chrfA = new ChrF.Stats[both.size()];
    ChrF.Stats[] chrfB = new ChrF.Stats[both.size()];
    for (int i = 0; i < both.size(); i++) {
      bleuA[i] = both.get(i)[0].bleuStats();
      bleuB[i] = both.get(i)[1].bleuStats();
      chrfA[i] = both.get(i)[0].chrfStats();
      chrfB[i] = both.get(i)[1].chrfStats();
    }
    return new Comparison(PairedBootstrap.bleu(bleuA, bleuB, samples, seed),
        PairedBootstrap.chrf(chrfA, chrfB, samples, seed));
  }

  /**
   * The paired bootstrap on both metrics.
   *
   * @param bleu A against B on corpus BLEU
   * @param chrf A against B on corpus chrF
   */
  public record Comparison(PairedBootstrap.Result bleu, PairedBootstrap.Result chrf) {}

  private static JavaRDD<SufficientStatistics> perPartition(Dataset<Row> pairs, String hypothesisColumn,
                                                           String referenceColumn) {
    return pairs.select(hypothesisColumn, referenceColumn).javaRDD().mapPartitions(rows -> {
      SufficientStatistics sum = new SufficientStatistics();
      rows.forEachRemaining(r -> sum.add(text(r, 0), text(r, 1)));
      return List.of(sum).iterator();
    });
  }

  private static String text(Row r, int i) {
    return r.isNullAt(i) ? "" : r.getString(i);
  }
}

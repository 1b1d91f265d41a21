package dev.attento.spark.eval;

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

package dev.attento.spark.job;

import dev.attento.seq2seq.eval.Bleu;
import dev.attento.spark.eval.CorpusEvaluation;
import dev.attento.spark.eval.SufficientStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores hypotheses against references, printing what {@code attento eval --hyp --ref} prints:
 * <pre>
 * EvaluateJob --hyp PATH --ref PATH          (text: line i of one against line i of the other)
 * EvaluateJob --input PATH [--hyp-column translation] [--ref-column reference]   (Parquet)
 *             [--json true]
 * </pre>
 */
public final class EvaluateJob {

  private static final Set<String> OPTIONS = Set.of("hyp", "ref", "input", "hyp-column", "ref-column", "json");

  private EvaluateJob() {}

  /** Runs the job in the session spark-submit configured (local[*] when no master is set). */
  public static void main(String[] args) {
    Jobs.main("eval", args, (spark, a) -> System.out.println(run(spark, a)));
  }

  /** Runs the job in {@code spark} and returns its report. */
  static String run(SparkSession spark, String[] args) {
    JobArguments a = new JobArguments(args, OPTIONS);
    boolean json = Boolean.parseBoolean(a.choice("json", "false", List.of("true", "false")));
    Dataset<Row> pairs;
    String hyp;
    String ref;
    if (a.get("input", null) != null) {
      pairs = spark.read().parquet(a.get("input", null));
      hyp = a.get("hyp-column", "translation");
      ref = a.get("ref-column", "reference");
    } else {
      pairs = alignedLines(spark, a.required("hyp"), a.required("ref"));
      hyp = "hyp";
      ref = "ref";
    }
    SufficientStatistics stats = CorpusEvaluation.statistics(pairs, hyp, ref);
    return json ? json(stats) : text(stats);
  }

  /** Line i of {@code hyp} beside line i of {@code ref}, as columns {@code hyp} and {@code ref}. */
  private static Dataset<Row> alignedLines(SparkSession spark, String hypPath, String refPath) {
    Dataset<Row> hyps = CorpusFiles.lines(spark, hypPath).withColumnRenamed("text", "hyp");
    Dataset<Row> refs = CorpusFiles.lines(spark, refPath).withColumnRenamed("text", "ref");
    long h = hyps.count();
    long r = refs.count();
    if (h != r) {
      throw new JobException(hypPath + " has " + h + " lines but " + refPath + " has " + r);
    }
    return hyps.join(refs, "id");
  }

  /** The two lines {@code attento eval --hyp --ref} prints. */
  static String text(SufficientStatistics stats) {
    Bleu.Score b = stats.bleu();
    return String.format(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)%n"
            + "chrF2 = %.2f",
        b.score(), b.precisions()[0], b.precisions()[1], b.precisions()[2], b.precisions()[3], b.brevityPenalty(),
        b.refLen() == 0 ? 0.0 : (double) b.sysLen() / b.refLen(), b.sysLen(), b.refLen(), stats.chrf());
  }

  private static String json(SufficientStatistics stats) {
    Bleu.Score b = stats.bleu();
    StringBuilder precisions = new StringBuilder();
    for (double p : b.precisions()) {
      precisions.append(precisions.length() == 0 ? "" : ",").append(round(p));
    }
    return String.format(Locale.ROOT, "{\"bleu\":%s,\"precisions\":[%s],\"bp\":%s,\"sys_len\":%d,\"ref_len\":%d,"
            + "\"chrf\":%s,\"sentences\":%d,\"bleu_signature\":\"%s\"}", round(b.score()), precisions,
        round(b.brevityPenalty()), b.sysLen(), b.refLen(), round(stats.chrf()), stats.sentences(), Bleu.Score.signature());
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10000) / 10000.0);
  }
}

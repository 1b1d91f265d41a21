package dev.attento.spark.job;

import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** What the jobs' {@code main} methods share: the session, and one-line errors. */
final class Jobs {

  private Jobs() {}

  /**
   * Runs {@code job} in the session spark-submit configured ({@code local[*]} when no master
   * is set, so a plain {@code java} launch works); a user error prints one line and exits 2.
   */
  static void main(String name, String[] args, BiConsumer<SparkSession, String[]> job) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("attento " + name);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    int status = 0;
    SparkSession spark = builder.getOrCreate();
    try {
      job.accept(spark, args);
    } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
      System.err.println("attento " + name + ": " + userMessage(e));
      status = 2;
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** The message a user needs: the innermost cause's, on one line. */
  static String userMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof UncheckedIOException || root.getMessage() == null
        ? root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
        : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}

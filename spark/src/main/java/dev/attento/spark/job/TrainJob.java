package dev.attento.spark.job;

import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.spark.train.DataParallelSettings;
import dev.attento.spark.train.DataParallelTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Trains a translator data-parallel on Spark, writing the run {@code attento train} writes
 * (config.json and checkpoints/), from the driver (see docs/spark.md):
 * <pre>
 * TrainJob --run DIR [--config FILE] [--set key=value,key=value…] [--workers N] [--sync-every K]
 *          [--threads-per-task N] [--max-attempts N] [--resume true] [--fail-at-step N] [--plugins DIR]
 * </pre>
 * Without {@code --config} the default experiment (the README's toy run) is trained;
 * {@code --resume true} continues the run from its latest checkpoint with its saved config;
 * {@code --plugins DIR} (a directory of cell plugin jars, or one jar, on the driver) ships the
 * jars to the executors, as {@code attento train --plugins} loads them.
 */
public final class TrainJob {

  private static final Set<String> OPTIONS = Set.of("run", "config", "set", "workers", "sync-every",
      "threads-per-task", "max-attempts", "resume", "fail-at-step", "plugins");

  private TrainJob() {}

  /** Runs the job in the session spark-submit configured (local[*] when no master is set). */
  public static void main(String[] args) {
    Jobs.main("train", args, (spark, a) -> run(spark, a, System.out::println));
  }

  /** Runs the job in {@code spark}, logging progress lines to {@code log}. */
  static DataParallelTraining.Result run(SparkSession spark, String[] args, Consumer<String> log) {
    JobArguments a = new JobArguments(args, OPTIONS);
    Path run = Path.of(a.required("run"));
    boolean resume = Boolean.parseBoolean(a.choice("resume", "false", List.of("true", "false")));
    ConfigTree tree;
    if (resume) {
      if (a.get("config", null) != null) {
        throw new JobException("--resume true takes the run's own config.json; --config is not allowed with it");
      }
      tree = ConfigTree.load(run.resolve("config.json"));
    } else {
      tree = a.get("config", null) == null ? ConfigTree.defaults() : ConfigTree.load(Path.of(a.get("config", null)));
    }
    String overrides = a.get("set", "");
    for (String pair : overrides.isEmpty() ? new String[0] : overrides.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new JobException("--set takes key=value pairs separated by commas, got '" + pair + "'");
      }
      tree.set(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    ExperimentConfig config = tree.bind();
    DataParallelSettings settings;
    try {
      settings = new DataParallelSettings(a.positive("workers", 2), a.positive("sync-every", 1),
          a.positive("threads-per-task", 1), a.positive("max-attempts", 2), nonNegative(a, "fail-at-step"));
    } catch (IllegalArgumentException e) {
      throw new JobException(e.getMessage());
    }
    DataParallelTraining.Result result;
    try {
      String plugins = a.get("plugins", null);
      result = DataParallelTraining.train(spark, config, run, settings, plugins == null ? null : Path.of(plugins), resume,
          log);
    } catch (IllegalArgumentException e) {
      throw new JobException(e.getMessage());
    }
    log.accept(String.format(Locale.ROOT, "%s after %d steps; checkpoint %s", result.reason(), result.steps(),
        result.checkpoint()));
    if (result.lastEvaluation() != null) {
      log.accept(String.format(Locale.ROOT, "dev: exact match %.1f%%, BLEU %.1f, chrF %.1f",
          100 * result.lastEvaluation().exactMatch(), result.lastEvaluation().bleu(), result.lastEvaluation().chrf()));
    }
    log.accept("throughput: " + result.throughput().describe());
    log.accept("run: " + run);
    return result;
  }

  private static long nonNegative(JobArguments a, String name) {
    String v = a.get(name, "0");
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new JobException("--" + name + " must be a whole number of at least 0, got '" + v + "'");
  }
}

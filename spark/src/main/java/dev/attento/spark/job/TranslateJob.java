package dev.attento.spark.job;

import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.spark.plugins.PluginShipment;
import dev.attento.spark.translate.CorpusTranslation;
import dev.attento.spark.translate.ModelLocation;
import dev.attento.spark.translate.TranslationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Translates a corpus with a trained run (see docs/spark.md for spark-submit lines):
 * <pre>
 * TranslateJob --model RUN --input PATH --output PATH [--input-format text|tsv|parquet]
 *              [--output-format text|tsv|parquet] [--beam N] [--batch-size N]
 *              [--replace-unknown true|false] [--id-column C --text-column C] [--single-file true]
 *              [--plugins DIR]
 * </pre>
 * Decoding defaults come from the run's {@code config.json} when the driver can read it, as in
 * {@code attento translate}; greedy search otherwise. {@code --plugins DIR} (cell plugin jars on
 * the driver) ships the jars to the executors, which load a pinned cell from them.
 */
public final class TranslateJob {

  private static final Set<String> OPTIONS = Set.of("model", "input", "output", "input-format", "output-format",
      "beam", "batch-size", "replace-unknown", "id-column", "text-column", "single-file", "plugins");

  private TranslateJob() {}

  /** Runs the job in the session spark-submit configured (local[*] when no master is set). */
  public static void main(String[] args) {
    Jobs.main("translate", args, TranslateJob::run);
  }

  /** Runs the job in {@code spark}. */
  static void run(SparkSession spark, String[] args) {
    JobArguments a = new JobArguments(args, OPTIONS);
    String model = a.required("model");
    ModelLocation.check(model);
    String input = a.required("input");
    String output = a.required("output");
    String inputFormat = a.choice("input-format", CorpusFiles.formatOf(input), CorpusFiles.INPUT_FORMATS);
    String outputFormat = a.choice("output-format", CorpusFiles.formatOf(output), CorpusFiles.OUTPUT_FORMATS);
    String plugins = a.get("plugins", null);
    ExperimentConfig saved = savedConfig(model);
    DecodingOptions decoding = saved == null ? DecodingOptions.greedy() : saved.decoding().toDecodingOptions();
    boolean replaceUnknown = Boolean.parseBoolean(a.choice("replace-unknown",
        String.valueOf(saved != null && saved.decoding().replaceUnknown()), List.of("true", "false")));
    TranslationRequest request = TranslationRequest.of(model, decoding, replaceUnknown)
        .withColumns(a.get("id-column", "id"), a.get("text-column", "text"))
        .withBatchSize(a.positive("batch-size", TranslationRequest.DEFAULT_BATCH_SIZE))
        .withBeam(a.positive("beam", decoding.beamSize()))
        .withPlugins(PluginShipment.ship(spark.sparkContext(), plugins == null ? null : Path.of(plugins),
            System.err::println));
    boolean singleFile = Boolean.parseBoolean(a.choice("single-file", "false", List.of("true", "false")));
    var corpus = CorpusFiles.read(spark, input, inputFormat, request.idColumn(), request.textColumn());
    CorpusFiles.write(CorpusTranslation.translate(corpus, request), output, outputFormat, singleFile);
  }

  /** The run's saved configuration, when the driver sees the run as a local directory. */
  private static ExperimentConfig savedConfig(String model) {
    Path config = Path.of(model).resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    try {
      return ConfigTree.fromJson(Files.readString(config), config.toString()).bind();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

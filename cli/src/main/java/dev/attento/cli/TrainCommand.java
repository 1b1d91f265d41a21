package dev.attento.cli;

import dev.attento.cli.charts.Charts;
import dev.attento.cli.report.MetricsLog;
import dev.attento.cli.report.TrainingProgress;
import dev.attento.core.io.AtomicFiles;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.Checkpoint;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.TrainedModel;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.train.TrainingOptions;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento train}: with no arguments, trains the embedded default toy translator
 * (English number words → Italian) and translates a few examples. Ctrl-C finishes the
 * current step, writes a checkpoint and exits; {@code --resume} continues.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train a translator. With no options: the default toy task (English number words to Italian).",
        "The run is saved to runs/<name>/ (config.json, metrics.csv, curves.png, checkpoints/)."})
final class TrainCommand implements Callable<Integer> {

  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--name", description = "Run name (default: <task>-<attention>).")
  String name;

  @Option(names = "--runs", paramLabel = "DIR", description = "Where runs are saved (default: ${DEFAULT-VALUE}).")
  Path runs = Path.of("runs");

  @Option(names = "--resume", paramLabel = "RUN", description = "Continue an interrupted run (its directory).")
  Path resume;

  @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of cell plugin jars.")
  Path plugins;


  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ExperimentConfig config;
    Path runDir;
    if (resume != null) {
      Path saved = resume.resolve("config.json");
      if (!Files.isRegularFile(saved)) {
        throw new UserError("cannot resume " + resume + ": no config.json there (is it a run directory?)");
      }
      config = ExperimentConfig.fromJson(Files.readString(saved), saved.toString());
      runDir = resume;
    } else {
      config = experiment.build();
      String runName = name != null ? name : defaultName(config);
      runDir = RunDirectory.fresh(runs, runName);
      AtomicFiles.writeString(runDir.resolve("config.json"), config.toJson());
    }
    TrainingOptions options = TrainingOptions.from(config);
    TrainingData data = DataPreparation.prepare(config);
    out.println("data: " + data.summary());
    TrainedModel model = resume != null ? Checkpoint.loadModel(runDir, plugins) : TrainedModel.create(config, data, plugins);
    out.printf(Locale.ROOT, "model: %s, %s attention, %,d parameters; kernels: %s%n", model.translator().config().cell(),
        model.translator().config().attention(), model.translator().parameters().count(), Kernels.describe());
    out.println("run: " + runDir);
    out.flush();
    Trainer.Result result;
    try (MetricsLog log = new MetricsLog(runDir);
         TrainingProgress progress = new TrainingProgress(out, log, options.steps(), 0, System.console() != null)) {
      Trainer trainer = new Trainer(model, data, options, runDir, progress);
      if (resume != null) {
        trainer.resume(runDir);
      }
      result = runInterruptibly(trainer);
      progress.close();
      charts(runDir, log);
    }
    out.printf(Locale.ROOT, "%s after %d steps; checkpoint %s%n", result.reason(), result.steps(), result.checkpoint());
    if (result.lastEvaluation() != null) {
      out.printf(Locale.ROOT, "dev: exact match %.1f%%, BLEU %.1f, chrF %.1f%n", 100 * result.lastEvaluation().exactMatch(),
          result.lastEvaluation().bleu(), result.lastEvaluation().chrf());
    }
    if (!result.reason().equals("interrupted")) {
      showExamples(out, config, model);
    } else {
      out.println("resume with: attento train --resume " + runDir);
    }
    out.flush();
    return result.reason().equals("interrupted") ? 130 : 0;
  }

  /** Runs the trainer; SIGINT/SIGTERM ask it to stop after the current step, and wait for the checkpoint. */
  private static Trainer.Result runInterruptibly(Trainer trainer) {
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      trainer.requestStop();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "attento-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return trainer.train();
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting because of a signal; the hook sees 'done' and returns
      }
    }
  }

  private static String defaultName(ExperimentConfig c) {
    String data = c.string("data.train") == null ? c.string("data.task") : Path.of(c.string("data.train")).getFileName()
        .toString().replaceAll("\\.[^.]*$", "");
    return data + "-" + c.string("model.attention");
  }

  private static void charts(Path runDir, MetricsLog log) throws java.io.IOException {
    Map<String, double[][]> series = new LinkedHashMap<>();
    series.put("train loss", columns(log.trainSeries(), 0, 1));
    series.put("dev loss", columns(log.devSeries(), 0, 1));
    Charts.lines(runDir.resolve("curves.png"), "training", "step", "cross-entropy per token", series, true);
  }

  static double[][] columns(List<double[]> rows, int x, int y) {
    double[][] out = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i)[x];
      out[1][i] = rows.get(i)[y];
    }
    return out;
  }

  private static void showExamples(PrintWriter out, ExperimentConfig config, TrainedModel model) {
    List<String> examples = config.string("data.train") == null
        ? ToyTasks.byName(config.string("data.task")).examples()
        : List.of();
    if (examples.isEmpty()) {
      return;
    }
    out.println("examples:");
    for (Translation t : new TextTranslator(model, DecodingOptions.greedy(), false).translate(examples)) {
      out.println("  " + t.source() + "  →  " + t.text());
    }
  }
}

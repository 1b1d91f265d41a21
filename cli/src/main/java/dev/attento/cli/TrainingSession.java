package dev.attento.cli;

import dev.attento.cli.charts.Charts;
import dev.attento.cli.report.MetricsLog;
import dev.attento.cli.report.TrainingProgress;
import dev.attento.cli.text.TerminalText;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.config.TrainingSettings;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.train.StopReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One training run as the CLI does it (for {@code train} and {@code compare}): data, model,
 * progress display, metrics.csv, the training-curve chart, and Ctrl-C handling.
 */
final class TrainingSession {

  /**
   * A finished run.
   *
   * @param result how training ended
   * @param model the trained model
   * @param data the data it was trained on
   */
  record Outcome(Trainer.Result result, ModelBundle model, TrainingData data) {}

  private TrainingSession() {}

  /**
   * Trains (or, with {@code resume}, continues) the run in {@code runDir}. SIGINT/SIGTERM ask
   * the trainer to stop after the current step; the JVM then waits until this method has
   * written the checkpoint and said how to resume.
   *
   * @param kernels what to compute with, on how many threads
   */
  static Outcome run(ExperimentConfig config, Path runDir, Path plugins, boolean resume, Kernels kernels, PrintWriter out)
      throws IOException {
    CountDownLatch finished = new CountDownLatch(1);
    Trainer[] current = new Trainer[1];
    Thread hook = new Thread(() -> {
      if (current[0] != null) {
        current[0].requestStop();
      }
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "attento-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return session(config, runDir, plugins, resume, kernels, out, current);
    } finally {
      out.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting because of a signal; the hook sees 'finished' and returns
      }
    }
  }

  private static Outcome session(ExperimentConfig config, Path runDir, Path plugins, boolean resume, Kernels kernels,
                                 PrintWriter out, Trainer[] current) throws IOException {
    TrainingSettings options = config.training();
    TrainingData data = DataPreparation.prepare(config);
    out.println("data: " + TerminalText.escape(data.summary()));
    ModelBundle model = resume ? Checkpoints.loadModel(runDir, plugins) : data.newModel(config.model(), options.seed(), plugins);
    out.printf(Locale.ROOT, "model: %s, %s attention, %,d parameters; kernels: %s%n", model.translator().config().cell(),
        model.translator().config().attention(), model.translator().parameters().count(), kernels.describe());
    out.println("run: " + runDir);
    out.flush();
    Trainer.Result result;
    try (MetricsLog log = new MetricsLog(runDir);
         TrainingProgress progress = new TrainingProgress(out, log, options.steps(), 0, System.console() != null)) {
      Trainer trainer = new Trainer(model, data, options, kernels, runDir, progress);
      if (resume) {
        trainer.resume(runDir);
      }
      current[0] = trainer;
      result = trainer.train();
      progress.close();
    }
    // Drawing needs AWT, which cannot start while the JVM shuts down after a signal.
    if (result.reason() != StopReason.INTERRUPTED) {
      MetricsLog.History h = MetricsLog.read(runDir);
      Map<String, double[][]> series = new LinkedHashMap<>();
      series.put("train loss", columns(h.train(), 0, 1));
      series.put("dev loss", columns(h.dev(), 0, 1));
      Charts.lines(runDir.resolve("curves.png"), "training", "step", "cross-entropy per token", series, true);
    }
    out.printf(Locale.ROOT, "%s after %d steps; checkpoint %s%n", result.reason(), result.steps(), result.checkpoint());
    if (result.lastEvaluation() != null) {
      out.printf(Locale.ROOT, "dev: exact match %.1f%%, BLEU %.1f, chrF %.1f%n", 100 * result.lastEvaluation().exactMatch(),
          result.lastEvaluation().bleu(), result.lastEvaluation().chrf());
    }
    String memory = dev.attento.cli.report.PeakMemory.line();
    if (!memory.isEmpty()) {
      out.println(memory);
    }
    if (result.reason() == StopReason.INTERRUPTED) {
      out.println("resume with: attento train --resume " + runDir);
    }
    out.flush();
    return new Outcome(result, model, data);
  }

  static double[][] columns(List<double[]> rows, int x, int y) {
    double[][] out = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i)[x];
      out[1][i] = rows.get(i)[y];
    }
    return out;
  }
}

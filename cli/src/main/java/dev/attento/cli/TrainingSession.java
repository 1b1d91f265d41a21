package dev.attento.cli;

import dev.attento.cells.PinPolicy;
import dev.attento.cli.report.MetricsLog;
import dev.attento.cli.report.TrainingProgress;
import dev.attento.core.text.TerminalText;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.config.TrainingSettings;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.Evaluation;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainingListener;
import dev.attento.core.io.AtomicFiles;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.train.StopReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

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

  /**
   * What a run needs before it starts, made before anything is written: the corpora read (or
   * the toy task generated) and the model built, its cell and attention looked up, or loaded
   * from the run being resumed. A mistake in any of them fails here, before a run directory
   * exists.
   *
   * @param data the data to train on
   * @param model the model to train
   */
  record Prepared(TrainingData data, ModelBundle model) {

    /**
     * Prepares {@code config}'s data and model.
     *
     * @param resumeFrom the run to continue, or null for a fresh model
     * @param plugins the plugin directory (cells), or null
     * @param pinPolicy what resuming does if a plugin cell's jar changed since the run was trained
     */
    static Prepared of(ExperimentConfig config, Path resumeFrom, Path plugins, PinPolicy pinPolicy) {
      TrainingData data = DataPreparation.prepare(config);
      ModelBundle model = resumeFrom != null ? Checkpoints.loadModel(resumeFrom, plugins, pinPolicy)
          : data.newModel(config.model(), config.training().seed(), plugins);
      return new Prepared(data, model);
    }
  }

  private TrainingSession() {}

  /**
   * Trains (or, with {@code resume}, continues) the run in {@code runDir}, writing its
   * {@code config.json} once the trainer is ready (a resume's trainer state has loaded). SIGINT/SIGTERM ask
   * the trainer to stop after the current step; the JVM then waits (see {@link StopOnSignal})
   * until this method has written the checkpoint and said how to resume.
   *
   * @param kernels what to compute with, on how many threads
   * @param report where the end of the run is reported (how it ended, the dev scores, peak memory)
   * @param progress where the run is announced and its progress shown, and the resume hint given
   */
  static Outcome run(ExperimentConfig config, Prepared prepared, Path runDir, boolean resume, Kernels kernels,
                     PrintWriter report, PrintWriter progress) throws IOException {
    try {
      return session(config, prepared, runDir, resume, kernels, report, progress);
    } finally {
      report.flush();
      progress.flush();
    }
  }

  private static Outcome session(ExperimentConfig config, Prepared prepared, Path runDir, boolean resume,
                                 Kernels kernels, PrintWriter out, PrintWriter err) throws IOException {
    TrainingSettings options = config.training();
    TrainingData data = prepared.data();
    ModelBundle model = prepared.model();
    Relay relay = new Relay();
    Trainer trainer = new Trainer(model, data, options, kernels, runDir, relay);
    if (resume) {
      // A damaged or edited trainer state fails here: one line, before anything is printed or rewritten.
      trainer.resume(runDir);
    }
    AtomicFiles.writeString(runDir.resolve("config.json"), config.toJson());
    err.println("run: " + runDir);
    err.println("data: " + TerminalText.escape(data.summary()));
    err.printf(Locale.ROOT, "model: %s, %s attention, %,d parameters; kernels: %s%n", model.translator().config().cell(),
        model.translator().config().attention(), model.translator().parameters().count(), kernels.describe());
    err.flush();
    long startStep = resume ? Checkpoints.stepOf(Checkpoints.resolve(runDir)) : 0;
    // A resumed run's log goes back to its checkpoint: later rows are written again.
    try (MetricsLog log = resume ? MetricsLog.resumed(runDir, startStep) : new MetricsLog(runDir);
         TrainingProgress progress = new TrainingProgress(err, log, runDir.resolve("curves.png"), options.steps(),
             startStep, System.console() != null)) {
      relay.to = progress;
      // Until the end is reported: a signal waits for the checkpoint and the resume hint.
      try (StopOnSignal stop = new StopOnSignal(trainer)) {
        Trainer.Result result = trainer.train();
        progress.close();
        log.flush();
        report(result, runDir, out, err);
        return new Outcome(result, model, data);
      }
    }
  }

  /** Passes the trainer's events on to the progress display, which exists only once the trainer has resumed. */
  private static final class Relay implements TrainingListener {
    private TrainingListener to = new TrainingListener() {};

    @Override
    public void onStep(long step, long totalSteps, double loss, int targetTokens, double gradientNorm,
                       double learningRate, double millis) {
      to.onStep(step, totalSteps, loss, targetTokens, gradientNorm, learningRate, millis);
    }

    @Override
    public void onEvaluation(long step, Evaluation evaluation) {
      to.onEvaluation(step, evaluation);
    }

    @Override
    public void onCheckpoint(long step, Path directory) {
      to.onCheckpoint(step, directory);
    }

    @Override
    public void onSkippedBatch(long step, String reason) {
      to.onSkippedBatch(step, reason);
    }
  }

  private static void report(Trainer.Result result, Path runDir, PrintWriter out, PrintWriter err)
      throws IOException {
    // Drawing needs AWT, which cannot start while the JVM shuts down after a signal.
    if (result.reason() != StopReason.INTERRUPTED) {
      TrainingProgress.drawCurves(runDir.resolve("metrics.csv"), runDir.resolve("curves.png"));
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
    out.flush();
    if (result.reason() == StopReason.INTERRUPTED) {
      err.println("resume with: attento train --resume " + runDir);
      err.flush();
    }
  }
}

package dev.attento.cli.report;

import dev.attento.seq2seq.train.Evaluation;
import dev.attento.seq2seq.train.TrainingListener;
import dev.attento.cli.charts.Charts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training as it happens, on standard error (standard output is for results): a live
 * progress bar (step, loss, tokens/s, gradient norm, ETA) on a terminal, periodic plain lines
 * otherwise (logs, pipes, CI); every number in {@code metrics.csv}; and the training curves
 * redrawn at every evaluation (so they exist, up to date, after Ctrl-C or a crash). The ETA is
 * {@link RemainingTime}'s: training steps only, none until enough steps are timed.
 */
public final class TrainingProgress implements TrainingListener, AutoCloseable {

  private final PrintWriter err;
  private final MetricsLog log;
  private final Path curves;
  private final ProgressBar bar;
  private final long every;
  private double smoothedLoss = Double.NaN;
  private double tokens;
  private double millis;
  private long stepsSinceLine;
  private final RemainingTime remaining = new RemainingTime();

  /**
   * @param err where plain lines go (standard error)
   * @param log the run's metrics log
   * @param curves where the training curves are drawn at every evaluation
   * @param totalSteps planned steps
   * @param startStep the step training starts from (non-zero when resuming)
   * @param interactive draw a progress bar rather than lines
   */
  public TrainingProgress(PrintWriter err, MetricsLog log, Path curves, long totalSteps, long startStep,
                          boolean interactive) {
    this.err = err;
    this.log = log;
    this.curves = curves;
    this.every = Math.max(1, totalSteps / 20);
    this.bar = interactive ? new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).startsFrom(startStep, java.time.Duration.ZERO)
        // The library's ETA divides the wall time since the start (evaluations and the slow first
        // steps included) by the steps done: wild at first, jumping after each evaluation.
        .setEtaFunction(state -> remaining.of(state.getMax() - state.getCurrent()))
        .continuousUpdate().build() : null;
  }

  @Override
  public void onStep(long step, long totalSteps, double loss, int targetTokens, double gradientNorm,
                     double learningRate, double stepMillis) {
    smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.95 * smoothedLoss + 0.05 * loss;
    tokens += targetTokens;
    millis += stepMillis;
    stepsSinceLine++;
    remaining.step(stepMillis);
    double tps = targetTokens / (stepMillis / 1000);
    log.step(step, loss, tps, gradientNorm, learningRate);
    String status = String.format(Locale.ROOT, "loss %.3f | %.1fk tok/s | |g| %.2f | lr %.2g",
        smoothedLoss, tokens / millis, gradientNorm, learningRate);
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(" " + status);
    } else if (step % every == 0 || step == totalSteps) {
      err.printf(Locale.ROOT, "step %d/%d  %s  %.0f ms/step  ETA %s%n", step, totalSteps, status,
          millis / stepsSinceLine, remaining.format(totalSteps - step));
      err.flush();
      tokens = 0;
      millis = 0;
      stepsSinceLine = 0;
    }
  }

  @Override
  public void onEvaluation(long step, Evaluation e) {
    log.evaluation(step, e.loss(), e.exactMatch(), e.bleu(), e.chrf());
    String line = String.format(Locale.ROOT, "dev @%d: loss %.4f, exact match %.1f%%, BLEU %.1f, chrF %.1f (%d sentences)",
        step, e.loss(), 100 * e.exactMatch(), e.bleu(), e.chrf(), e.sentences());
    if (bar != null) {
      // Printed over the bar, which redraws itself on the next line. Not bar.pause()/resume():
      // resuming restarts the bar's clock but not its step count, so its speed and ETA jumped.
      System.err.println("\r" + line + " ".repeat(20));
    } else {
      err.println(line);
      err.flush();
    }
    log.flush();
    try {
      drawCurves(log.file(), curves);
    } catch (IllegalStateException shuttingDown) {
      // AWT cannot start while the JVM shuts down after a signal; the last evaluation's chart stands.
    } catch (IOException | UncheckedIOException failed) {
      // The chart is a view of metrics.csv, which is intact: a failed drawing (e.g. while the JVM
      // shuts down after a signal) is reported, never a reason to stop training.
      err.println("attento: warning: cannot draw " + curves + ": " + failed.getMessage());
      err.flush();
    }
  }

  /** Draws the train and dev loss of {@code metrics} (a metrics.csv) into {@code chart}. */
  public static void drawCurves(Path metrics, Path chart) throws IOException {
    MetricsLog.History h = MetricsLog.read(metrics.getParent());
    Map<String, double[][]> series = new LinkedHashMap<>();
    series.put("train loss", columns(h.train(), 0, 1));
    series.put("dev loss", columns(h.dev(), 0, 1));
    Charts.lines(chart, "training", "step", "cross-entropy per token", series, true);
  }

  private static double[][] columns(List<double[]> rows, int x, int y) {
    double[][] xy = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      xy[0][i] = rows.get(i)[x];
      xy[1][i] = rows.get(i)[y];
    }
    return xy;
  }

  /** The progress bar (null when not interactive), for tests. */
  ProgressBar bar() {
    return bar;
  }

  @Override
  public void onSkippedBatch(long step, String reason) {
    err.println("step " + step + ": skipped a batch (" + reason + ")");
    err.flush();
  }

  @Override
  public void onCheckpoint(long step, Path directory) {
    // metrics.csv is flushed with every checkpoint, so after a crash the two agree.
    log.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

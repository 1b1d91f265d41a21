package dev.attento.cli.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv} of a run: one {@code train} row per step and one {@code dev} row per
 * evaluation, appended (a resumed run continues the same file). Also keeps the series in
 * memory for the training-curve chart.
 */
public final class MetricsLog implements AutoCloseable {

  static final String HEADER = "kind,step,loss,target_tokens_per_s,grad_norm,learning_rate,dev_loss,dev_exact_match,dev_bleu,dev_chrf";

  private final BufferedWriter out;
  final List<double[]> train = new ArrayList<>();
  final List<double[]> dev = new ArrayList<>();

  /** Opens (or continues) the log in {@code runDir}. */
  public MetricsLog(Path runDir) throws IOException {
    Path file = runDir.resolve("metrics.csv");
    boolean fresh = !Files.exists(file);
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (fresh) {
      out.write(HEADER);
      out.newLine();
    }
  }

  /** Logs a training step. */
  public void step(long step, double loss, double tokensPerSecond, double gradNorm, double lr) {
    train.add(new double[] {step, loss});
    write(String.format(Locale.ROOT, "train,%d,%.6f,%.1f,%.6f,%.3g,,,,", step, loss, tokensPerSecond, gradNorm, lr));
  }

  /** Logs a dev evaluation. */
  public void evaluation(long step, double loss, double exact, double bleu, double chrf) {
    dev.add(new double[] {step, loss, exact, bleu, chrf});
    write(String.format(Locale.ROOT, "dev,%d,,,,,%.6f,%.4f,%.2f,%.2f", step, loss, exact, bleu, chrf));
  }

  /** Training losses as (step, loss) pairs. */
  public List<double[]> trainSeries() {
    return train;
  }

  /** Dev results as (step, loss, exact, bleu). */
  public List<double[]> devSeries() {
    return dev;
  }

  private void write(String line) {
    try {
      out.write(line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics.csv: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

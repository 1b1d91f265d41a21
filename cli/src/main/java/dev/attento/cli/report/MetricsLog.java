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

  /**
   * A run's whole history, across resumes.
   *
   * @param train (step, loss) per training step
   * @param dev (step, loss, exact, bleu, chrf) per evaluation
   */
  public record History(List<double[]> train, List<double[]> dev) {}

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
    write(String.format(Locale.ROOT, "train,%d,%.6f,%.1f,%.6f,%.3g,,,,", step, loss, tokensPerSecond, gradNorm, lr));
  }

  /** Writes buffered rows to disk. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics.csv: " + e.getMessage(), e);
    }
  }

  /** Logs a dev evaluation. */
  public void evaluation(long step, double loss, double exact, double bleu, double chrf) {
    write(String.format(Locale.ROOT, "dev,%d,,,,,%.6f,%.4f,%.2f,%.2f", step, loss, exact, bleu, chrf));
  }

  /** Reads the history written so far (call after closing or flushing). */
  public static History read(Path runDir) throws IOException {
    List<double[]> train = new ArrayList<>();
    List<double[]> dev = new ArrayList<>();
    for (String line : Files.readAllLines(runDir.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
      String[] f = line.split(",", -1);
      if (f[0].equals("train")) {
        train.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
      } else if (f[0].equals("dev")) {
        dev.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
            Double.parseDouble(f[8]), Double.parseDouble(f[9])});
      }
    }
    return new History(train, dev);
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

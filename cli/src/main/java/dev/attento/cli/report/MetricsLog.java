package dev.attento.cli.report;

import dev.attento.core.io.AtomicFiles;
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
 * evaluation, appended (a resumed run continues the same file).
 *
 * <p>Rows are held in memory and appended only as whole lines (a full buffer, {@link #flush}
 * at every checkpoint), so a SIGKILL never leaves a torn line. A resumed run first drops the
 * rows written after its checkpoint (they will be written again), so the file and the
 * checkpoints agree after a crash.
 */
public final class MetricsLog implements AutoCloseable {

  static final String HEADER = "kind,step,loss,target_tokens_per_s,grad_norm,learning_rate,dev_loss,dev_exact_match,dev_bleu,dev_chrf";

  /** Rows held before they are appended; a whole number of lines. */
  private static final int BUFFER_CHARS = 1 << 16;

  private final Path file;
  private final StringBuilder pending = new StringBuilder();

  /**
   * A run's whole history, across resumes.
   *
   * @param train (step, loss) per training step
   * @param dev (step, loss, exact, bleu, chrf) per evaluation
   */
  public record History(List<double[]> train, List<double[]> dev) {}

  /** Starts the log of a fresh run in {@code runDir}. */
  public MetricsLog(Path runDir) throws IOException {
    this.file = runDir.resolve("metrics.csv");
    if (!Files.exists(file)) {
      pending.append(HEADER).append('\n');
    }
  }

  /**
   * Continues the log of a run resumed from the checkpoint of {@code checkpointStep}: rows of
   * later steps, and a torn last line, are dropped first.
   */
  public static MetricsLog resumed(Path runDir, long checkpointStep) throws IOException {
    Path file = runDir.resolve("metrics.csv");
    if (Files.exists(file)) {
      StringBuilder kept = new StringBuilder();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
        if (line.equals(HEADER) || isRowUpTo(line, checkpointStep)) {
          kept.append(line).append('\n');
        }
      }
      AtomicFiles.writeString(file, kept.toString());
    }
    return new MetricsLog(runDir);
  }

  private static boolean isRowUpTo(String line, long step) {
    String[] f = line.split(",", -1);
    try {
      return (f[0].equals("train") || f[0].equals("dev")) && f.length == HEADER.split(",").length
          && Long.parseLong(f[1]) <= step;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The file, {@code metrics.csv} of the run. */
  public Path file() {
    return file;
  }

  /** Logs a training step. */
  public void step(long step, double loss, double tokensPerSecond, double gradNorm, double lr) {
    write(String.format(Locale.ROOT, "train,%d,%.6f,%.1f,%.6f,%.3g,,,,", step, loss, tokensPerSecond, gradNorm, lr));
  }

  /** Appends the rows held so far to the file, as whole lines in one write. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      Files.writeString(file, pending, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      pending.setLength(0);
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
    pending.append(line).append('\n');
    if (pending.length() >= BUFFER_CHARS) {
      flush();
    }
  }

  @Override
  public void close() {
    flush();
  }
}

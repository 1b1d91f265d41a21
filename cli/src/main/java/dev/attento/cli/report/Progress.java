package dev.attento.cli.report;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long evaluation or translation, on standard error so that standard output
 * stays clean for a pipe: a live bar on a terminal, a line every tenth otherwise.
 */
public final class Progress implements AutoCloseable {

  private final ProgressBar bar;
  private final PrintWriter err;
  private final String task;
  private final long total;
  private final long started = System.nanoTime();
  private long done;
  private long nextLine;

  /**
   * Progress over {@code total} sentences.
   *
   * @param err the command's standard error, where the plain lines go (the live bar, drawn only
   *     on a terminal, goes to the process's standard error)
   */
  public Progress(String task, long total, PrintWriter err) {
    this.task = task;
    this.err = err;
    this.total = total;
    this.bar = System.console() != null ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" sent", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    this.nextLine = Math.max(1, total / 10);
  }

  /** {@code n} more sentences are done. */
  public void advance(long n) {
    done += n;
    if (bar != null) {
      bar.stepBy(n);
    } else if (done >= nextLine || done == total) {
      double seconds = (System.nanoTime() - started) / 1e9;
      err.printf(Locale.ROOT, "%s: %d/%d sentences, %.0f sentences/s%n", task, done, total, done / Math.max(seconds, 1e-9));
      err.flush();
      nextLine += Math.max(1, total / 10);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

package dev.attento.cli.report;

import java.time.Duration;
import java.util.Optional;

/**
 * The estimated time to the end of training, from the durations of the training steps alone.
 * Evaluations and checkpoints are not steps (the trainer times a step before either), so an
 * evaluation neither makes the rate jump nor the ETA go backwards. The first steps of a run are
 * slow (JIT compilation, first allocations) and are left out, and there is no estimate until
 * {@link #MIN_TIMED} steps are timed, so the first ETAs are not wild. The rate is the mean of
 * the last {@link #WINDOW} steps: smooth, yet it follows a run that speeds up or slows down.
 *
 * <p>Written by the training thread, read by the progress bar's drawing thread.
 */
public final class RemainingTime {

  /** Steps at the start of a run (or a resume) that are not timed. */
  static final int WARM_UP = 3;
  /** Timed steps needed before an estimate is shown. */
  static final int MIN_TIMED = 10;
  /** Steps the rate is averaged over. */
  static final int WINDOW = 50;

  private final double[] recent = new double[WINDOW];
  private long seen;
  private long timed;
  private double sum;
  private volatile double millisPerStep = Double.NaN;

  /** A step took {@code millis} milliseconds of training (not evaluating, not saving). */
  public synchronized void step(double millis) {
    if (++seen <= WARM_UP || !(millis >= 0) || Double.isInfinite(millis)) {
      return;
    }
    int slot = (int) (timed % WINDOW);
    sum += millis - recent[slot];
    recent[slot] = millis;
    timed++;
    if (timed >= MIN_TIMED) {
      millisPerStep = sum / Math.min(timed, WINDOW);
    }
  }

  /** Milliseconds per step, or NaN while too few steps are timed. */
  public double millisPerStep() {
    return millisPerStep;
  }

  /** The time {@code stepsLeft} more steps take, or empty while too few steps are timed. */
  public Optional<Duration> of(long stepsLeft) {
    double rate = millisPerStep;
    return Double.isNaN(rate) ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(Math.max(0, stepsLeft) * rate)));
  }

  /** {@code 1m05s}, {@code 42s}, or {@code ?} while too few steps are timed. */
  public String format(long stepsLeft) {
    return of(stepsLeft).map(RemainingTime::format).orElse("?");
  }

  static String format(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return s >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}

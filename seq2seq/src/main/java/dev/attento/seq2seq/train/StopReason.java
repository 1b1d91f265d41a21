package dev.attento.seq2seq.train;

import java.util.Locale;

/** Why a training run ended. */
public enum StopReason {
  /** All {@code training.steps} were done. */
  COMPLETED,
  /** The dev metric did not improve for {@code training.patience} evaluations. */
  EARLY_STOPPED,
  /** {@code training.maxMinutes} of wall time passed. */
  TIME_LIMIT,
  /** Asked to stop (Ctrl-C, SIGTERM); resumable. */
  INTERRUPTED;

  /** As printed: {@code completed}, {@code early-stopped}, {@code time limit}, {@code interrupted}. */
  @Override
  public String toString() {
    return this == TIME_LIMIT ? "time limit" : name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

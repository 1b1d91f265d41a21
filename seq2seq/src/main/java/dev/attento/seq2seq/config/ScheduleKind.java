package dev.attento.seq2seq.config;

/** The learning-rate schedules of {@code training.schedule} (see {@link ScheduleSpec}). */
public enum ScheduleKind {
  /** The same rate throughout: {@code constant}. */
  CONSTANT,
  /** Multiply by GAMMA every EVERY steps: {@code step:EVERY:GAMMA}. */
  STEP,
  /** Multiply by FACTOR after PATIENCE evaluations without a better dev loss: {@code plateau:PATIENCE:FACTOR[:MIN]}. */
  PLATEAU
}

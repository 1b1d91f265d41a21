package dev.attento.seq2seq.config;

/** What training does with a batch whose loss or gradient is NaN or infinite ({@code training.onNonFinite}). */
public enum NonFinitePolicy {
  /** Stop with an error that suggests a lower learning rate. */
  STOP,
  /** Skip the batch (counted and reported) and go on. */
  SKIP
}

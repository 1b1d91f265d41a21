package dev.attento.seq2seq.train;

/** Training stopped because a loss or gradient was NaN or infinite; the last checkpoint is intact. */
public final class NonFiniteLossException extends RuntimeException {

  /** An error with a complete message. */
  public NonFiniteLossException(String message) {
    super(message);
  }
}

package dev.attento.seq2seq.train;

/** A checkpoint that is missing, corrupt or does not fit the model; never half-loaded. */
public final class CheckpointException extends IllegalArgumentException {

  /** An error with a complete message. */
  public CheckpointException(String message) {
    super(message);
  }
}

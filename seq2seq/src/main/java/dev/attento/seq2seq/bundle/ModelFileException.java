package dev.attento.seq2seq.bundle;

/**
 * A model or checkpoint file that is missing, corrupt, altered or does not fit the model it
 * is loaded into; detected before anything is used, so a model is never half-loaded. The
 * message is one complete line naming the file.
 */
public final class ModelFileException extends IllegalArgumentException {

  /** An error with a complete message. */
  public ModelFileException(String message) {
    super(message);
  }
}

package dev.attento.seq2seq.data;

/** A corpus that cannot be read (in strict mode: its first malformed line), as {@code FILE:LINE: reason}. */
public final class CorpusException extends IllegalArgumentException {

  /** An error with a complete message. */
  public CorpusException(String message) {
    super(message);
  }
}

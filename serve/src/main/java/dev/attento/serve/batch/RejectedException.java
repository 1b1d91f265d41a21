package dev.attento.serve.batch;

/** Sentences that were not queued: the queue is full or the batcher is stopping (a 503). */
public final class RejectedException extends Exception {

  /** Creates the exception with a message for the client. */
  public RejectedException(String message) {
    super(message);
  }
}

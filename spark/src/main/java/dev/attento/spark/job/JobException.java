package dev.attento.spark.job;

/** A mistake in how a job was called or what it was given: reported as one line, exit status 2. */
final class JobException extends RuntimeException {

  JobException(String message) {
    super(message);
  }
}

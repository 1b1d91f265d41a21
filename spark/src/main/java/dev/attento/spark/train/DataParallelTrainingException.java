package dev.attento.spark.train;

/** A data-parallel run that failed more often than it may retry; its last checkpoint is intact. */
public final class DataParallelTrainingException extends RuntimeException {

  DataParallelTrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}

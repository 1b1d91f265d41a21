package dev.attento.cli;

/**
 * A mistake the user can fix (a missing file, a bad option value, a corrupt checkpoint):
 * printed as one line, without a stack trace, with exit code {@link #EXIT_CODE}.
 */
public final class UserError extends RuntimeException {

  /** Exit code for user errors (picocli uses 2 for usage errors). */
  public static final int EXIT_CODE = 1;

  /** An error with a message that says what is wrong and, ideally, what to do. */
  public UserError(String message) {
    super(message);
  }

  /** An error caused by another exception whose message is shown too. */
  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}

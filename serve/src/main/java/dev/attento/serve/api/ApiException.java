package dev.attento.serve.api;

/**
 * A request the server answers with an error status and a one-line message: bad input
 * (400, naming the field or limit), too large (413), an unknown model (404), overload (503)
 * or a timeout (504).
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String field;

  /**
   * Creates the error.
   *
   * @param field the request field at fault, or null
   */
  public ApiException(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /** A 400 about {@code field}. */
  public static ApiException badField(String field, String message) {
    return new ApiException(400, message, field);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}

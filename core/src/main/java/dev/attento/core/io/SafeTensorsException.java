package dev.attento.core.io;

/** A safetensors file that cannot be read; the message names the file and, where relevant, the tensor. */
public final class SafeTensorsException extends RuntimeException {

  /** An error with a complete message. */
  public SafeTensorsException(String message) {
    super(message);
  }

  /** An error caused by an I/O failure. */
  public SafeTensorsException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.attento.seq2seq.config;

/** A configuration file or override that cannot be used; the message says which key and why. */
public final class ConfigException extends IllegalArgumentException {

  /** An error with a complete, user-facing message. */
  public ConfigException(String message) {
    super(message);
  }
}

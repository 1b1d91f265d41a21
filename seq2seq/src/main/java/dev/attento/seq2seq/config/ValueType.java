package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one configuration key holds: how a tree node is read into a Java value and checked,
 * how the value is written back, and how the allowed values are described to the user (in
 * error messages and in docs/configuration.md). The implementations are in {@link ValueTypes}.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

  /**
   * The value {@code node} holds.
   *
   * @throws IllegalArgumentException if the node is not of this type or not allowed; the
   *     caller ({@link ConfigKey}) turns it into a message naming the key
   */
  T read(JsonNode node);

  /** The tree form of {@code value}, which {@link #read} accepts. */
  JsonNode write(T value);

  /** Whether {@code value} is allowed (for values built in code rather than read). */
  boolean accepts(T value);

  /** A short type name for the docs table: {@code integer}, {@code number}, {@code boolean}... */
  String typeName();

  /** The allowed values, e.g. {@code 1 to 2147483647} or {@code adam, adamw, sgd}. */
  String allowed();

  /** What an error message says was expected, e.g. {@code a whole number from 1 to 64}. */
  String expected();

  /** A "did you mean" hint for a rejected node, starting with a space, or empty. */
  default String hint(JsonNode node) {
    return "";
  }
}

package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key of the catalogue ({@link ConfigKeys}): its dotted name (e.g.
 * {@code training.learningRate}), the kind of value it holds, its default and a one-line
 * description. It reads and checks values, so every error about a key is worded the same.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

  private final String name;
  private final ValueType<T> type;
  private final T defaultValue;
  private final String description;
  private final Function<ExperimentConfig, T> value;

  /**
   * A key.
   *
   * @param name {@code section.key}
   * @param type the kind of value
   * @param defaultValue the value when a configuration does not set the key
   * @param description one line for the docs and help
   * @param value where the key's value is in a typed configuration
   */
  public ConfigKey(String name, ValueType<T> type, T defaultValue, String description,
      Function<ExperimentConfig, T> value) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.description = Objects.requireNonNull(description);
    this.value = Objects.requireNonNull(value);
    if (!name.matches("[a-z]+\\.[a-zA-Z]+") || !type.accepts(defaultValue)) {
      throw new IllegalArgumentException("bad catalogue entry " + name + " = " + defaultValue);
    }
    this.defaultValue = defaultValue;
  }

  /** The dotted name, e.g. {@code model.hidden}. */
  public String name() {
    return name;
  }

  /** The section, e.g. {@code model}. */
  public String section() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The name within the section, e.g. {@code hidden}. */
  public String leaf() {
    return name.substring(name.indexOf('.') + 1);
  }

  /** The kind of value. */
  public ValueType<T> type() {
    return type;
  }

  /** The default value (may be {@code null} for keys that allow it). */
  public T defaultValue() {
    return defaultValue;
  }

  /** The default in tree form. */
  public JsonNode defaultNode() {
    return type.write(defaultValue);
  }

  /** The one-line description. */
  public String description() {
    return description;
  }

  /**
   * The value {@code node} holds.
   *
   * @param origin where the node comes from (a file name, {@code override}), first in a message
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public T read(JsonNode node, String origin) {
    try {
      return type.read(node);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(origin + ": " + badValue(Printable.of(node)) + type.hint(node));
    }
  }

  /**
   * {@code v} if it is allowed (for settings records built in code).
   *
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public T check(T v) {
    if (!type.accepts(v)) {
      String shown = v == null ? "null" : v instanceof String s ? Printable.quote(s) : Printable.escape(v.toString());
      throw new ConfigException(badValue(shown));
    }
    return v;
  }

  private String badValue(String shown) {
    return "bad value for " + name + ": " + shown + "; expected " + type.expected();
  }

  /** This key's value in {@code config}, in tree form. */
  JsonNode valueIn(ExperimentConfig config) {
    return type.write(value.apply(config));
  }

  @Override
  public String toString() {
    return name;
  }
}

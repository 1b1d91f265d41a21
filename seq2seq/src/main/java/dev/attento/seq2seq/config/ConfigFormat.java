package dev.attento.seq2seq.config;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a configuration can be written in. */
public enum ConfigFormat {
  /** JSON, as runs save {@code config.json}. */
  JSON,
  /** YAML (the format Joey NMT and OpenNMT users write), without anchors, aliases or tags. */
  YAML;

  /**
   * The format of {@code file} by its extension: {@code .yaml} and {@code .yml} are YAML,
   * anything else is read as JSON (as every config file was before YAML was accepted).
   */
  public static ConfigFormat of(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") ? YAML : JSON;
  }
}

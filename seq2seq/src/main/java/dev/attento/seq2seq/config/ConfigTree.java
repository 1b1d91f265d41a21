package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment's configuration as a tree: sections {@code data}, {@code model},
 * {@code training} and {@code decoding}, every key present, laid over the defaults of the
 * catalogue ({@link ConfigKeys}) from a JSON or YAML file and {@code section.key=value}
 * overrides. Every key and value is checked as it comes in, so an unknown key or a bad value
 * fails at once with one line naming it; {@link #bind()} then gives the typed
 * {@link ExperimentConfig}. The tree is what a run directory saves as {@code config.json}, so a
 * run can be reproduced from it alone.
 *
 * <p>The {@code string}/{@code integer}/{@code number}/{@code flag}/{@code stringMap} readers
 * serve the code that predates the typed settings; new code calls {@link #bind()}.
 */
public final class ConfigTree {

  private final ObjectNode tree;

  private ConfigTree(ObjectNode tree) {
    this.tree = tree;
  }

  /** Every key at its default. */
  public static ConfigTree defaults() {
    return new ConfigTree(ConfigBinding.defaultTree());
  }

  /** The tree of typed settings. */
  public static ConfigTree of(ExperimentConfig config) {
    return new ConfigTree(ConfigBinding.toTree(config));
  }

  /** Defaults overlaid with a file, JSON or YAML by its extension ({@link ConfigFormat#of}). */
  public static ConfigTree load(Path file) {
    String origin = "config file " + Printable.escape(file.toString());
    String text;
    try {
      byte[] bytes;
      // Read at most one byte past the limit: a config that is not a regular file
      // (--config /dev/zero, a FIFO) has no size to check first and would fill the heap.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(ConfigText.MAX_CHARS * 4 + 1);
      }
      if (bytes.length > ConfigText.MAX_CHARS * 4) {
        throw new ConfigException(origin + " is larger than " + ConfigText.MAX_CHARS + " characters");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(origin + " does not exist");
    } catch (CharacterCodingException e) {
      throw new ConfigException(origin + " is not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + origin + ": " + e.getMessage(), e);
    }
    return parse(text, ConfigFormat.of(file), origin);
  }

  /**
   * Defaults overlaid with configuration text.
   *
   * @param origin what the text is, first in error messages
   */
  public static ConfigTree parse(String text, ConfigFormat format, String origin) {
    ConfigTree config = defaults();
    ConfigBinding.overlay(config.tree, ConfigText.parse(text, format, origin), origin);
    return config;
  }

  /** Reads a configuration saved by {@link #toJson()} (e.g. a run's {@code config.json}). */
  public static ConfigTree fromJson(String json, String origin) {
    return parse(json, ConfigFormat.JSON, origin);
  }

  /**
   * Overrides one key, e.g. {@code training.steps=200}, or one cell option,
   * {@code model.cellOptions.activation=relu}. The value is parsed as JSON when it can be
   * (numbers, booleans, null) and taken as text otherwise.
   *
   * @throws ConfigException for an unknown key or a bad value
   */
  public ConfigTree set(String path, String value) {
    String origin = "override " + Printable.escape(path);
    JsonNode parsed = ConfigText.overrideValue(value);
    String[] parts = path.split("\\.", -1);
    if (parts.length == 3 && path.startsWith(ModelKeys.CELL_OPTIONS.name() + ".")) {
      ObjectNode options = ((ObjectNode) tree.path("model").path("cellOptions")).deepCopy();
      options.set(parts[2], parsed.isValueNode() ? parsed : tree.textNode(value));
      ConfigBinding.setChecked(tree, ModelKeys.CELL_OPTIONS.name(), options, origin);
    } else if (parts.length == 2) {
      ObjectNode patch = tree.objectNode();
      patch.putObject(parts[0]).set(parts[1], parsed);
      ConfigBinding.overlay(tree, patch, origin);
    } else {
      throw new ConfigException("override '" + Printable.escape(path) + "' must look like section.key, e.g. training.steps");
    }
    return this;
  }

  /**
   * The typed settings.
   *
   * @throws ConfigException if settings valid alone do not fit together (e.g. {@code data.train} without {@code data.dev})
   */
  public ExperimentConfig bind() {
    return ConfigBinding.bind(tree);
  }

  /** A text setting (null when unset). */
  public String string(String path) {
    JsonNode n = node(path);
    return n.isNull() ? null : n.asText();
  }

  /** A whole-number setting. */
  public int integer(String path) {
    JsonNode n = node(path);
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new ConfigException("config key '" + path + "' must be a whole number, got " + Printable.of(n));
    }
    return n.asInt();
  }

  /** A number setting. */
  public double number(String path) {
    JsonNode n = node(path);
    if (!n.isNumber()) {
      throw new ConfigException("config key '" + path + "' must be a number, got " + Printable.of(n));
    }
    return n.asDouble();
  }

  /** A boolean setting. */
  public boolean flag(String path) {
    JsonNode n = node(path);
    if (!n.isBoolean()) {
      throw new ConfigException("config key '" + path + "' must be true or false, got " + Printable.of(n));
    }
    return n.asBoolean();
  }

  /** A map setting (i.e. {@code model.cellOptions}). */
  public Map<String, String> stringMap(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    node(path).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private JsonNode node(String path) {
    JsonNode n = tree.at("/" + path.replace('.', '/'));
    if (n.isMissingNode()) {
      throw new IllegalStateException("no config key " + path);
    }
    return n;
  }

  /** A copy of the tree. */
  public ObjectNode toNode() {
    return tree.deepCopy();
  }

  /** The configuration as pretty-printed JSON (what a run saves as {@code config.json}). */
  public String toJson() {
    return ConfigText.write(tree, ConfigFormat.JSON);
  }

  /** The configuration as YAML. */
  public String toYaml() {
    return ConfigText.write(tree, ConfigFormat.YAML);
  }

  /** The configuration in {@code format}. */
  public String write(ConfigFormat format) {
    return ConfigText.write(tree, format);
  }
}

package dev.attento.seq2seq.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An experiment's configuration: sections {@code data}, {@code model}, {@code training} and
 * {@code decoding}, as a JSON tree layered over the built-in defaults
 * ({@code defaults.json}). Every key can be overridden as {@code section.key=value}; an
 * unknown key is an error naming the closest known one. The effective tree is what a run
 * directory saves, so a run can be reproduced from it alone.
 */
public final class ExperimentConfig {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectNode DEFAULTS = loadDefaults();

  private final ObjectNode tree;

  private ExperimentConfig(ObjectNode tree) {
    this.tree = tree;
  }

  /** The built-in defaults. */
  public static ExperimentConfig defaults() {
    return new ExperimentConfig(DEFAULTS.deepCopy());
  }

  /** Defaults overlaid with a JSON file. */
  public static ExperimentConfig load(Path file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new ConfigException("config file " + file + " is not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) { // editors on Windows write a byte-order mark
      text = text.substring(1);
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // limits such as the nesting depth are reported without a location
      throw new ConfigException("config file " + file + " is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (node == null || !node.isObject()) {
      throw new ConfigException("config file " + file + " must hold a JSON object");
    }
    ExperimentConfig config = defaults();
    config.merge((ObjectNode) node, "", DEFAULTS, file.toString());
    return config;
  }

  private void merge(ObjectNode source, String prefix, ObjectNode schema, String origin) {
    ObjectNode target = prefix.isEmpty() ? tree : (ObjectNode) tree.at("/" + prefix.replace('.', '/'));
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = f.getKey();
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      JsonNode known = schema.get(key);
      if (known == null) {
        List<String> names = new ArrayList<>();
        schema.fieldNames().forEachRemaining(names::add);
        throw new ConfigException(origin + ": unknown key '" + path + "'; did you mean '"
            + (prefix.isEmpty() ? "" : prefix + ".") + ClosestName.closest(key, names) + "'?");
      }
      if (known.isObject() && !isFreeForm(path)) {
        if (!f.getValue().isObject()) {
          throw new ConfigException(origin + ": '" + path + "' must be an object of settings");
        }
        merge((ObjectNode) f.getValue(), path, (ObjectNode) known, origin);
      } else {
        target.set(key, f.getValue());
      }
    }
  }

  /** Sections whose keys are not fixed (cell options are the cell's own business). */
  private static boolean isFreeForm(String path) {
    return path.equals("model.cellOptions");
  }

  /**
   * Overrides one key, e.g. {@code training.steps=200}. The value is parsed as JSON when it
   * can be (numbers, booleans, null, objects) and taken as a string otherwise.
   */
  public ExperimentConfig set(String path, String value) {
    String[] parts = path.split("\\.");
    if (parts.length != 2 && !(parts.length == 3 && path.startsWith("model.cellOptions."))) {
      throw new ConfigException("override '" + path + "' must look like section.key, e.g. training.steps");
    }
    ObjectNode section = (ObjectNode) DEFAULTS.get(parts[0]);
    if (section == null) {
      List<String> names = new ArrayList<>();
      DEFAULTS.fieldNames().forEachRemaining(names::add);
      throw new ConfigException("unknown config section '" + parts[0] + "'; did you mean '"
          + ClosestName.closest(parts[0], names) + "'?");
    }
    JsonNode parsed = parseValue(value);
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode inner = patch.putObject(parts[0]);
    if (parts.length == 3) {
      inner.putObject(parts[1]).set(parts[2], parsed);
    } else {
      inner.set(parts[1], parsed);
    }
    merge(patch, "", DEFAULTS, "override " + path);
    return this;
  }

  private static JsonNode parseValue(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (JsonProcessingException e) {
      // not JSON: a plain string such as "lstm"
    }
    return JsonNodeFactory.instance.textNode(value);
  }

  /** A string setting. */
  public String string(String path) {
    JsonNode n = node(path);
    return n.isNull() ? null : n.asText();
  }

  /** An integer setting; a non-integer value is an error naming the key. */
  public int integer(String path) {
    JsonNode n = node(path);
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new ConfigException("config key '" + path + "' must be a whole number, got " + n);
    }
    return n.asInt();
  }

  /** A number setting. */
  public double number(String path) {
    JsonNode n = node(path);
    if (!n.isNumber()) {
      throw new ConfigException("config key '" + path + "' must be a number, got " + n);
    }
    return n.asDouble();
  }

  /** A boolean setting. */
  public boolean flag(String path) {
    JsonNode n = node(path);
    if (!n.isBoolean()) {
      throw new ConfigException("config key '" + path + "' must be true or false, got " + n);
    }
    return n.asBoolean();
  }

  /** A string-to-string map setting (e.g. {@code model.cellOptions}). */
  public Map<String, String> stringMap(String path) {
    JsonNode n = node(path);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private JsonNode node(String path) {
    JsonNode n = tree.at("/" + path.replace('.', '/'));
    if (n.isMissingNode()) {
      throw new IllegalStateException("no config key " + path);
    }
    return n;
  }

  /** The effective configuration as pretty-printed JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a configuration saved by {@link #toJson()} (e.g. from a run directory). */
  public static ExperimentConfig fromJson(String json, String origin) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new ConfigException(origin + " must hold a JSON object");
      }
      ExperimentConfig config = defaults();
      config.merge((ObjectNode) node, "", DEFAULTS, origin);
      return config;
    } catch (JsonProcessingException e) {
      throw new ConfigException(origin + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode loadDefaults() {
    try (InputStream in = ExperimentConfig.class.getResourceAsStream("defaults.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in defaults.json", e);
    }
  }
}

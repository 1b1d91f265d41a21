package dev.attento.seq2seq.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads configuration text into a tree and writes a tree back, in JSON or YAML, within fixed
 * limits: at most {@value #MAX_CHARS} characters and {@value #MAX_DEPTH} levels of nesting,
 * no duplicate keys, one document. YAML anchors, aliases and tags are refused outright: a
 * configuration has no use for them, and aliases are how "billion laughs" files blow up.
 */
final class ConfigText {

  /** Longest configuration text accepted (a complete config is about 1,500 characters). */
  static final int MAX_CHARS = 1 << 20;
  /** Deepest nesting accepted (a config needs 3: root, section, cell options). */
  static final int MAX_DEPTH = 16;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_CHARS).maxNumberLength(100).build();

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(SerializationFeature.INDENT_OUTPUT).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
      .streamReadConstraints(LIMITS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // every string quoted: unquoted, text such as 1e3, yes or ~ would read back as another type
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

  private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY);

  private ConfigText() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_CHARS);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setMaxAliasesForCollections(0);
    o.setAllowRecursiveKeys(false);
    o.setAllowDuplicateKeys(false);
    return o;
  }

  /**
   * The mapping {@code text} holds.
   *
   * @param origin what the text is, first in messages (e.g. {@code config file exp.yaml})
   * @throws ConfigException if the text is not one well-formed mapping within the limits
   */
  static ObjectNode parse(String text, ConfigFormat format, String origin) {
    if (text.length() > MAX_CHARS) {
      throw new ConfigException(origin + " is larger than " + MAX_CHARS + " characters");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // editors on Windows write a byte-order mark
    JsonNode node;
    try {
      if (format == ConfigFormat.YAML) {
        refuseYamlExtras(body, origin);
        node = YAML.readTree(body);
      } else {
        node = JSON.readTree(body);
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(origin + " is not valid " + format + ": " + problem(e));
    }
    if (node == null || !node.isObject()) {
      throw new ConfigException(origin + " must hold a " + (format == ConfigFormat.YAML ? "YAML mapping" : "JSON object"));
    }
    return (ObjectNode) node;
  }

  /** Walks the YAML events once, refusing anchors, aliases, tags, deep nesting and further documents. */
  private static void refuseYamlExtras(String text, String origin) throws JsonProcessingException {
    try (YAMLParser p = (YAMLParser) YAML_FACTORY.createParser(text)) {
      int depth = 0;
      boolean rootDone = false;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        String where = " (line " + p.currentLocation().getLineNr() + ")";
        if (rootDone) {
          throw new ConfigException(origin + " holds more than one YAML document" + where);
        }
        if (p.isCurrentAlias() || p.getObjectId() != null) {
          throw new ConfigException(origin + ": YAML anchors and aliases (&name, *name) are not allowed" + where);
        }
        if (p.getTypeId() != null) {
          throw new ConfigException(origin + ": YAML tags (!tag) are not allowed" + where);
        }
        if (t.isStructStart() && ++depth > MAX_DEPTH) {
          throw new ConfigException(origin + " nests deeper than " + MAX_DEPTH + " levels" + where);
        }
        if (t.isStructEnd()) {
          depth--;
        }
        rootDone = depth == 0 && t != JsonToken.FIELD_NAME;
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }

  /** One line saying what is wrong and where. */
  private static String problem(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
        return Printable.escape(m.getProblem()) + (m.getProblemMark() == null ? ""
            : " (line " + (m.getProblemMark().getLine() + 1) + ")");
      }
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse("").strip();
    // limits such as the nesting depth are reported without a location
    return Printable.escape(first) + (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " (line " + e.getLocation().getLineNr() + ")");
  }

  /** {@code tree} as text: pretty-printed JSON (as runs save it) or block-style YAML. */
  static String write(JsonNode tree, ConfigFormat format) {
    try {
      return format == ConfigFormat.YAML ? YAML.writeValueAsString(tree) : JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a configuration tree cannot fail to serialize", e);
    }
  }

  /** Parses a value given on the command line: JSON when it is (numbers, booleans, null), else the text itself. */
  static JsonNode overrideValue(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (JsonProcessingException e) {
      // not JSON: a plain string such as lstm
    }
    return JSON.getNodeFactory().textNode(value);
  }
}

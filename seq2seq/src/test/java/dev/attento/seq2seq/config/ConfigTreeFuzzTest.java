package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attento.testkit.Hostile;
import dev.attento.testkit.Mutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile config files, JSON and YAML: whatever the bytes, {@link ConfigTree#load} returns a
 * config whose every key reads back as its type and that binds to typed settings, or fails
 * with a {@link ConfigException} (one line), in bounded time and memory.
 */
class ConfigTreeFuzzTest {

  private static final byte[] VALID = ("{\n  \"data\": {\"task\": \"dates\", \"trainSize\": 100, \"strict\": true},\n"
      + "  \"model\": {\"cell\": \"gru\", \"hidden\": 32, \"cellOptions\": {\"activation\": \"relu\"}, \"dropout\": 0.1},\n"
      + "  \"training\": {\"steps\": 10, \"learningRate\": 1e-3, \"schedule\": \"step:5:0.5\"},\n"
      + "  \"decoding\": {\"beam\": 4}\n}\n").getBytes(StandardCharsets.UTF_8);

  @Provide
  Arbitrary<byte[]> mutated() {
    return Mutations.of(VALID, "{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e999", "2147483648",
        "99999999999999999999", "\"model\"", "{\"cellOptions\": 1}", "\\u0000", "\uFEFF", "/*", "NaN");
  }

  private static final byte[] VALID_YAML = ("data:\n  task: dates\n  trainSize: 100\n  strict: true\n"
      + "model:\n  cell: gru\n  hidden: 32\n  cellOptions:\n    activation: relu\n  dropout: 0.1\n"
      + "training:\n  steps: 10\n  learningRate: 1.0e-3\n  schedule: step:5:0.5\ndecoding: {beam: 4}\n")
      .getBytes(StandardCharsets.UTF_8);

  @Provide
  Arbitrary<byte[]> mutatedYaml() {
    return Mutations.of(VALID_YAML, "&a ", "*a", "!!str ", "!x ", "<<: ", "---\n", "...\n", ": ", "- ", "\t", "  ",
        "\n", "{", "}", "[", "]", "~", ".inf", ".nan", "0x1F", "'", "\"", "#", "? ", "|\n", ">\n", "%YAML 1.2\n",
        "\u0000", "\uFEFF", "1e999", "99999999999999999999");
  }

  @Provide
  Arbitrary<byte[]> random() {
    return Mutations.randomBytes(256);
  }

  private static void check(byte[] content) {
    check(content, ".json");
  }

  private static void check(byte[] content, String suffix) {
    Hostile.Outcome<ConfigTree> r = Hostile.parseFile(content, suffix, ConfigException.class, file -> {
      ConfigTree c = ConfigTree.load(file);
      readEveryKey(c);
      c.bind();
      return c;
    });
    if (r.value() != null) {
      assertEquals(r.value().toJson(), ConfigTree.fromJson(r.value().toJson(), "saved").toJson());
      assertEquals(r.value().toJson(), ConfigTree.parse(r.value().toYaml(), ConfigFormat.YAML, "saved").toJson());
    } else {
      assertFalse(r.error().getMessage().contains("\n"), "one line: " + r.error().getMessage());
    }
  }

  /** Reads every key as the type its default has; a wrong type must be a ConfigException. */
  private static void readEveryKey(ConfigTree c) throws Exception {
    JsonNode defaults = new ObjectMapper().readTree(ConfigTree.defaults().toJson());
    for (Map.Entry<String, JsonNode> section : (Iterable<Map.Entry<String, JsonNode>>) defaults::fields) {
      for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) section.getValue()::fields) {
        String path = section.getKey() + "." + key.getKey();
        JsonNode d = key.getValue();
        try {
          if (d.isIntegralNumber()) {
            c.integer(path);
          } else if (d.isNumber()) {
            c.number(path);
          } else if (d.isBoolean()) {
            c.flag(path);
          } else if (d.isObject()) {
            c.stringMap(path);
          } else {
            c.string(path);
          }
        } catch (ConfigException wrongType) {
          assertTrue(wrongType.getMessage().contains(path), wrongType.getMessage());
        }
      }
    }
  }

  @Property(tries = 400)
  void damagedConfigsLoadOrFailClearly(@ForAll("mutated") byte[] content) {
    check(content);
  }

  @Property(tries = 400)
  void damagedYamlConfigsLoadOrFailClearly(@ForAll("mutatedYaml") byte[] content) {
    check(content, ".yaml");
  }

  @Property(tries = 200)
  void randomBytesFailClearlyAsYaml(@ForAll("random") byte[] content) {
    check(content, ".yaml");
  }

  @Property(tries = 200)
  void randomBytesFailClearly(@ForAll("random") byte[] content) {
    check(content);
  }

  @Example
  void deepNestingIsAConfigError() {
    check(("{\"model\": {\"cellOptions\": {\"x\": " + "[".repeat(100_000) + "}}}").getBytes(StandardCharsets.UTF_8));
  }

  @Example
  void invalidUtf8AndEmptyFilesAreConfigErrorsAndAByteOrderMarkIsAccepted() throws Exception {
    Path bad = Files.write(Files.createTempFile("bad", ".json"), new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'});
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigTree.load(bad));
    assertEquals("config file " + bad + " is not valid UTF-8", e.getMessage());
    Path bom = Files.writeString(Files.createTempFile("bom", ".json"), "\uFEFF{\"training\": {\"steps\": 7}}\r\n");
    assertEquals(7, ConfigTree.load(bom).integer("training.steps"));
    Path empty = Files.write(Files.createTempFile("empty", ".json"), new byte[0]);
    assertEquals("config file " + empty + " must hold a JSON object",
        assertThrows(ConfigException.class, () -> ConfigTree.load(empty)).getMessage());
    Files.delete(bad);
    Files.delete(bom);
    Files.delete(empty);
  }
}

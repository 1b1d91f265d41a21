package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading JSON and YAML text: the same tree from both, and the limits that keep hostile files harmless. */
class ConfigTextTest {

  private static final String JSON = """
      {"data": {"task": "dates", "train": null, "trainSize": 100, "strict": true},
       "model": {"cell": "gru", "cellOptions": {"activation": "relu"}, "dropout": 0.1, "attention": "none"},
       "training": {"learningRate": 1e-3, "seed": -7, "schedule": "step:5:0.5", "clipNorm": 0},
       "decoding": {"beam": 4, "lengthPenalty": 1.0}}
      """;

  private static final String YAML = """
      # the same configuration, as a Joey NMT user would write it
      data:
        task: dates
        train: null
        trainSize: 100
        strict: true
      model:
        cell: gru
        cellOptions: {activation: relu}
        dropout: 0.1
        attention: none
      training:
        learningRate: 1.0e-3
        seed: -7
        schedule: "step:5:0.5"
        clipNorm: 0
      decoding:
        beam: 4
        lengthPenalty: 1.0
      """;

  private static ObjectNode yaml(String text) {
    return ConfigText.parse(text, ConfigFormat.YAML, "exp.yaml");
  }

  private static String yamlError(String text) {
    return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
  }

  @Test
  void yamlAndJsonGiveTheSameTree() {
    assertEquals(ConfigText.parse(JSON, ConfigFormat.JSON, "exp.json"), yaml(YAML));
    assertEquals(ConfigTree.parse(JSON, ConfigFormat.JSON, "exp.json").bind(),
        ConfigTree.parse(YAML, ConfigFormat.YAML, "exp.yaml").bind());
  }

  @Test
  void theFormatFollowsTheExtension() {
    assertEquals(ConfigFormat.YAML, ConfigFormat.of(Path.of("a/exp.yaml")));
    assertEquals(ConfigFormat.YAML, ConfigFormat.of(Path.of("EXP.YML")));
    assertEquals(ConfigFormat.JSON, ConfigFormat.of(Path.of("run/config.json")));
    assertEquals(ConfigFormat.JSON, ConfigFormat.of(Path.of("exp.conf")), "as before YAML was accepted");
  }

  @Test
  void aliasBombsAnchorsAndTagsAreRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    assertEquals("exp.yaml: YAML anchors and aliases (&name, *name) are not allowed (line 1)", yamlError(bomb.toString()));
    assertEquals("exp.yaml: YAML anchors and aliases (&name, *name) are not allowed (line 3)",
        yamlError("model:\n  cell: lstm\n  attention: *x\n"));
    assertEquals("exp.yaml: YAML anchors and aliases (&name, *name) are not allowed (line 1)",
        yamlError("base: &base {hidden: 3}\nmodel:\n  <<: *base\n"));
    assertEquals("exp.yaml: YAML tags (!tag) are not allowed (line 2)",
        yamlError("model:\n  cell: !!python/object:os.system lstm\n"));
  }

  @Test
  void deepNestingHugeTextAndSeveralDocumentsAreRefused() {
    assertTrue(yamlError("a: " + "[".repeat(100) + "]".repeat(100) + "\n").startsWith("exp.yaml "), "nesting");
    assertTrue(yamlError("a:\n" + nestedBlocks(40)).startsWith("exp.yaml "), "block nesting");
    assertEquals("exp.yaml is larger than " + ConfigText.MAX_CHARS + " characters",
        yamlError("# " + "x".repeat(ConfigText.MAX_CHARS) + "\n"));
    assertEquals("exp.yaml holds more than one YAML document (line 3)", yamlError("model: {}\n---\ntraining: {}\n"));
    assertEquals("exp.yaml must hold a YAML mapping", yamlError(""));
    assertEquals("exp.yaml must hold a YAML mapping", yamlError("- model\n"));
  }

  @Test
  void duplicateKeysAndSyntaxErrorsAreOneLineWithTheLine() {
    String dup = yamlError("model:\n  hidden: 3\n  hidden: 4\n");
    assertTrue(dup.startsWith("exp.yaml is not valid YAML: Duplicate field 'hidden'"), dup);
    String json = assertThrows(ConfigException.class,
        () -> ConfigText.parse("{\"model\": {\"hidden\": 3, \"hidden\": 4}}", ConfigFormat.JSON, "x.json")).getMessage();
    assertTrue(json.startsWith("x.json is not valid JSON: Duplicate field 'hidden'"), json);
    String syntax = yamlError("model:\n  hidden: [3\ntraining: {}\n");
    assertTrue(syntax.startsWith("exp.yaml is not valid YAML: ") && syntax.endsWith(")") && !syntax.contains("\n"),
        syntax);
  }

  private static String nestedBlocks(int depth) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= depth; i++) {
      s.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    return s.append("  ".repeat(depth + 1)).append("v\n").toString();
  }
}

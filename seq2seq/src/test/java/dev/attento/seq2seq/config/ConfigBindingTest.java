package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attento.seq2seq.data.BatchPlan;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.model.ModelConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From a tree to typed settings and back: messages, conversions, round trips, configs of earlier versions. */
class ConfigBindingTest {

  private static ConfigTree yaml(String text) {
    return ConfigTree.parse(text, ConfigFormat.YAML, "exp.yaml");
  }

  private static ObjectNode insertAfter(ObjectNode node, String after, String key, JsonNode value) {
    ObjectNode out = new ObjectMapper().createObjectNode();
    node.fields().forEachRemaining(e -> {
      out.set(e.getKey(), e.getValue());
      if (e.getKey().equals(after)) {
        out.set(key, value);
      }
    });
    return out;
  }

  @Test
  void aConfigOfTheEarlierVersionLoadsAndItsKeysAreUnchanged() throws Exception {
    String old;
    try (InputStream in = getClass().getResourceAsStream("config-0.1.json")) {
      old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ConfigTree tree = ConfigTree.fromJson(old, "runs/numbers-luong-general/config.json");
    assertEquals(ExperimentConfig.defaults(), tree.bind(), "the defaults are those of the earlier version");
    ObjectNode expected = (ObjectNode) new ObjectMapper().readTree(old);
    ((ObjectNode) expected.get("data")).remove("lowercase"); // accepted, never read, not written again
    // Keys added since, at their defaults and in catalogue order:
    ((ObjectNode) expected.get("data")).put("jointBpe", true);
    ObjectNode training = insertAfter((ObjectNode) expected.get("training"), "checkpointEvery", "keepCheckpoints",
        IntNode.valueOf(2));
    training = insertAfter(training, "earlyStopMetric", "labelSmoothing", DoubleNode.valueOf(0.0));
    training.put("batchTokens", 2048);
    expected.set("training", training);
    ((ObjectNode) expected.get("decoding")).put("noRepeatNgram", 0);
    ((ObjectNode) expected.get("decoding")).put("coveragePenalty", 0.0);
    assertEquals(expected, new ObjectMapper().readTree(ExperimentConfig.defaults().toJson()));
    assertEquals(expected.toString(), new ObjectMapper().readTree(tree.toJson()).toString(), "same key order");
  }

  @Test
  void unknownKeysAreOneLineWithTheClosestKnownKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> yaml("training:\n  learningrate: 0.1\n"));
    assertEquals("exp.yaml: unknown key 'training.learningrate'; did you mean 'training.learningRate'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("modle:\n  hidden: 3\n"));
    assertEquals("exp.yaml: unknown section 'modle'; did you mean 'model'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("model:\n  \"hid\\nden\\e[2J\": 3\n"));
    assertEquals("exp.yaml: unknown key 'model.hid\\nden\\u001b[2J'; did you mean 'model.hidden'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("model: 3\n"));
    assertEquals("exp.yaml: bad value for model: 3; expected a mapping of model.* settings", e.getMessage());
  }

  @Test
  void badValuesNameTheKeyTheEscapedValueAndWhatIsAllowed() {
    ConfigException e = assertThrows(ConfigException.class, () -> yaml("training:\n  optimizer: adamW\n"));
    assertEquals("exp.yaml: bad value for training.optimizer: \"adamW\"; expected one of adam, adamw, sgd"
        + " (did you mean adamw?)", e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("training:\n  optimizer: adagrad\n"));
    assertEquals("exp.yaml: bad value for training.optimizer: \"adagrad\"; expected one of adam, adamw, sgd",
        e.getMessage(), "no far-fetched suggestion");
    e = assertThrows(ConfigException.class, () -> yaml("model:\n  dropout: 1\n"));
    assertEquals("exp.yaml: bad value for model.dropout: 1; expected a number >= 0 and < 1", e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("training:\n  schedule: \"step:0:0.5\"\n"));
    assertEquals("exp.yaml: bad value for training.schedule: \"step:0:0.5\"; expected " + ScheduleSpec.GRAMMAR,
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("data:\n  train: \"a\\tb\\u0007\\u2028\"\n"));
    assertEquals("exp.yaml: bad value for data.train: \"a\\tb\\u0007\\u2028\"; expected a file path, or null",
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> yaml("decoding:\n  beam: " + "9".repeat(200) + "\n"));
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void theRealDataExampleConfigBinds() {
    ExperimentConfig c = ConfigTree.load(Path.of("..", "examples", "real-data", "libreoffice-en-it.json")).bind();
    assertEquals("word:elision,join", c.data().targetTokenizer().toString());
    assertEquals(5000, c.training().steps());
    assertEquals(true, c.decoding().replaceUnknown());
  }

  @Test
  void theSubwordRealDataExampleConfigBinds() {
    ExperimentConfig c = ConfigTree.load(Path.of("..", "examples", "real-data", "libreoffice-en-it-bpe.json")).bind();
    assertEquals("bpe:8000", c.data().targetTokenizer().toString());
    assertEquals(c.data().sourceTokenizer(), c.data().targetTokenizer());
    assertEquals(2, c.model().layers());
    assertEquals(0.1, c.training().labelSmoothing(), 1e-9);
    assertEquals(true, c.model().tieEmbeddings());
  }

  @Test
  void settingsThatDoNotFitTogetherFailWhenBound() {
    ConfigTree t = ConfigTree.defaults().set("data.train", "corpus.tsv");
    ConfigException e = assertThrows(ConfigException.class, t::bind);
    assertEquals("data.dev is required with data.train (a held-out corpus)", e.getMessage());
    ExperimentConfig c = t.set("data.dev", "dev.tsv").bind();
    assertEquals(Path.of("corpus.tsv"), c.data().train());
  }

  @Test
  void typedSettingsBuildTheModelAndSearchRecords() {
    ExperimentConfig c = yaml("model:\n  cell: gru\n  cellOptions: {activation: relu}\n  hidden: 32\n  layers: 2\n"
        + "  dropout: 0.25\n  attention: none\ndecoding:\n  beam: 5\n  maxLengthExtra: 7\n").bind();
    assertEquals(new ModelConfig("gru", Map.of("activation", "relu"), 100, 90, 64, 32, 2, false, false, 0.25f, "none",
        true, true, false), c.model().toModelConfig(100, 90));
    assertEquals(new DecodingOptions(5, 0.6, 3.0, 7), c.decoding().toDecodingOptions());
    assertEquals(BatchPlan.Batching.BUCKETED, c.training().batching());
    assertEquals(false, c.model().usesAttention());
  }

  @Test
  void typedSettingsRoundTripThroughJsonAndYaml() {
    ExperimentConfig c = yaml("data:\n  train: corpora/train.tmx\n  dev: corpora/dev.tmx\n  sourceLanguage: en-US\n"
        + "  sourceTokenizer: \"word:lowercase,fold\"\n  targetTokenizer: char\nmodel:\n  cellOptions:\n    x: \"1e3\"\n"
        + "    y: \"true\"\n    z: \"null\"\ntraining:\n  optimizer: adamw\n  schedule: warmup:100+plateau:2:0.5:1e-5\n"
        + "  earlyStopMetric: chrf\n  onNonFinite: skip\n  batching: random\n  seed: -9007199254740993\n"
        + "  maxMinutes: 1.5\ndecoding:\n  replaceUnknown: true\n").bind();
    assertEquals(c, ConfigTree.fromJson(c.toJson(), "saved").bind());
    assertEquals(c, ConfigTree.parse(c.toYaml(), ConfigFormat.YAML, "saved").bind());
    assertEquals(c.toJson(), ConfigTree.parse(c.toYaml(), ConfigFormat.YAML, "saved").toJson());
    assertEquals(Map.of("x", "1e3", "y", "true", "z", "null"), c.model().cellOptions());
    assertEquals(-9007199254740993L, c.training().seed());
    assertEquals("warmup:100+plateau:2:0.5:1.0E-5", c.training().schedule().toString());
  }
}

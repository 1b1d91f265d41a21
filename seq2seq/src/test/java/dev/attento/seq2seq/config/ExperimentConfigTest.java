package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {

  @TempDir
  Path dir;

  @Test
  void fileOverridesDefaultsAndFlagsOverrideTheFile() throws Exception {
    Path f = dir.resolve("exp.json");
    Files.writeString(f, "{\"model\": {\"hidden\": 32, \"cellOptions\": {\"activation\": \"relu\"}}, \"training\": {\"steps\": 10}}");
    ExperimentConfig c = ExperimentConfig.load(f).set("training.steps", "20").set("model.attention", "bahdanau");
    assertEquals(32, c.integer("model.hidden"));
    assertEquals(20, c.integer("training.steps"));
    assertEquals("bahdanau", c.string("model.attention"));
    assertEquals(Map.of("activation", "relu"), c.stringMap("model.cellOptions"));
    assertEquals(64, c.integer("training.batchSize"), "untouched keys keep their defaults");
  }

  @Test
  void unknownKeysNameTheClosestKnownOne() throws Exception {
    Path f = dir.resolve("typo.json");
    Files.writeString(f, "{\"training\": {\"learningrat\": 0.1}}");
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(f));
    assertEquals(f + ": unknown key 'training.learningrat'; did you mean 'training.learningRate'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> ExperimentConfig.defaults().set("modle.hidden", "3"));
    assertEquals("unknown config section 'modle'; did you mean 'model'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> ExperimentConfig.defaults().set("model.hiden", "3"));
    assertTrue(e.getMessage().contains("did you mean 'model.hidden'"), e.getMessage());
  }

  @Test
  void badValuesAndBadFilesAreClearErrors() throws Exception {
    ExperimentConfig c = ExperimentConfig.defaults().set("training.steps", "many");
    ConfigException e = assertThrows(ConfigException.class, () -> c.integer("training.steps"));
    assertTrue(e.getMessage().contains("training.steps") && e.getMessage().contains("whole number"), e.getMessage());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"model\": ");
    e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(bad));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(dir.resolve("missing.json")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void savedJsonReadsBackToTheSameConfig() {
    ExperimentConfig c = ExperimentConfig.defaults().set("model.layers", "2").set("data.task", "dates");
    ExperimentConfig back = ExperimentConfig.fromJson(c.toJson(), "run/config.json");
    assertEquals(c.toJson(), back.toJson());
    assertEquals(2, back.integer("model.layers"));
  }

  @Test
  void closestNameUsesEditDistance() {
    assertEquals(3, ClosestName.distance("kitten", "sitting"));
    assertEquals("bahdanau", ClosestName.closest("bahdanu", java.util.List.of("luong-dot", "bahdanau", "none")));
  }
}

package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTreeTest {

  @TempDir
  Path dir;

  @Test
  void fileOverridesDefaultsAndFlagsOverrideTheFile() throws Exception {
    Path f = dir.resolve("exp.json");
    Files.writeString(f, "{\"model\": {\"hidden\": 32, \"cellOptions\": {\"activation\": \"relu\"}}, \"training\": {\"steps\": 10}}");
    ConfigTree c = ConfigTree.load(f).set("training.steps", "20").set("model.attention", "bahdanau");
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
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigTree.load(f));
    assertEquals("config file " + f + ": unknown key 'training.learningrat'; did you mean 'training.learningRate'?",
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigTree.defaults().set("modle.hidden", "3"));
    assertEquals("override modle.hidden: unknown section 'modle'; did you mean 'model'?", e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigTree.defaults().set("model.hiden", "3"));
    assertTrue(e.getMessage().contains("did you mean 'model.hidden'"), e.getMessage());
  }

  @Test
  void badValuesAndBadFilesAreClearErrors() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigTree.defaults().set("training.steps", "many"));
    assertEquals("override training.steps: bad value for training.steps: \"many\"; expected a whole number from 1 to "
        + Integer.MAX_VALUE, e.getMessage(), "a bad value fails when it is set, not when it is read");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"model\": ");
    e = assertThrows(ConfigException.class, () -> ConfigTree.load(bad));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigTree.load(dir.resolve("missing.json")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aConfigThatIsNotARegularFileIsReadOnlyUpToTheLimit() {
    // --config /dev/zero has no size to check first; reading it whole ran out of memory.
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigTree.load(zero));
      assertEquals("config file /dev/zero is larger than " + ConfigText.MAX_CHARS + " characters", e.getMessage());
    }
  }

  @Test
  void savedJsonReadsBackToTheSameConfig() {
    ConfigTree c = ConfigTree.defaults().set("model.layers", "2").set("data.task", "dates");
    ConfigTree back = ConfigTree.fromJson(c.toJson(), "run/config.json");
    assertEquals(c.toJson(), back.toJson());
    assertEquals(2, back.integer("model.layers"));
  }

  @Test
  void cellOptionsAccumulateOneOverrideAtATime() {
    ConfigTree c = ConfigTree.defaults().set("model.cellOptions.activation", "relu").set("model.cellOptions.gates", "2");
    assertEquals(Map.of("activation", "relu", "gates", "2"), c.stringMap("model.cellOptions"));
    assertEquals(Map.of("activation", "relu", "gates", "2"), c.bind().model().cellOptions());
  }

  @Test
  void yamlFilesAreReadByTheirExtension() throws Exception {
    Path f = dir.resolve("exp.yml");
    Files.writeString(f, "model:\n  hidden: 32\ntraining:\n  optimizer: sgd\n  schedule: step:5:0.5\n");
    ExperimentConfig c = ConfigTree.load(f).bind();
    assertEquals(32, c.model().hidden());
    assertEquals(OptimizerKind.SGD, c.training().optimizer());
    assertEquals(new ScheduleSpec(0, ScheduleKind.STEP, 5, 0.5, 0), c.training().schedule());
  }

  @Test
  void closestNameUsesEditDistance() {
    assertEquals(3, ClosestName.distance("kitten", "sitting"));
    assertEquals("bahdanau", ClosestName.closest("bahdanu", java.util.List.of("luong-dot", "bahdanau", "none")));
  }
}

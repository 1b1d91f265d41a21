package dev.attento.seq2seq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue: every default binds, every range boundary is accepted and the value beyond it refused. */
class ConfigKeysTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void everyDefaultBindsAndReadsBackAsItself() {
    ExperimentConfig defaults = ExperimentConfig.defaults();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      assertEquals(k.defaultNode(), k.valueIn(defaults), k.name());
      assertEquals(k.defaultValue(), k.read(k.defaultNode(), "test"), k.name());
    }
    assertEquals(53, ConfigKeys.all().size(), "14 data, 12 model, 20 training and 7 decoding keys");
  }

  @Test
  void everyKeyIsInItsSectionWithADescriptionAndAnAllowedRange() {
    for (ConfigKey<?> k : ConfigKeys.all()) {
      assertTrue(ConfigKeys.SECTIONS.contains(k.section()), k.name());
      assertTrue(k.description().endsWith(".") && !k.description().contains("\n"), k.name());
      assertFalse(k.type().allowed().isBlank(), k.name());
      assertEquals(k, ConfigKeys.byName(k.name()).orElseThrow());
    }
  }

  @Test
  void wholeNumberKeysAcceptTheirBoundsAndRefuseOneBeyond() {
    int checked = 0;
    for (ConfigKey<?> k : ConfigKeys.all()) {
      if (k.type() instanceof ValueTypes.Whole<?> w) {
        accepted(k, NODES.numberNode(w.min()));
        accepted(k, NODES.numberNode(w.max()));
        refused(k, NODES.numberNode(BigInteger.valueOf(w.min()).subtract(BigInteger.ONE)));
        refused(k, NODES.numberNode(BigInteger.valueOf(w.max()).add(BigInteger.ONE)));
        refused(k, NODES.numberNode(1.5));
        refused(k, NODES.textNode("1"));
        checked++;
      }
    }
    assertEquals(19, checked);
  }

  @Test
  void numberKeysAcceptInclusiveBoundsAndRefuseExclusiveOnesAndNonFiniteValues() {
    int checked = 0;
    for (ConfigKey<?> k : ConfigKeys.all()) {
      if (k.type() instanceof ValueTypes.Decimal d) {
        if (d.minInclusive()) {
          accepted(k, NODES.numberNode(d.min()));
        } else {
          refused(k, NODES.numberNode(d.min()));
          accepted(k, NODES.numberNode(Math.nextUp(d.min())));
        }
        refused(k, NODES.numberNode(Math.nextDown(d.min())));
        if (Double.isInfinite(d.max())) {
          accepted(k, NODES.numberNode(Double.MAX_VALUE));
        } else if (d.maxInclusive()) {
          accepted(k, NODES.numberNode(d.max()));
          refused(k, NODES.numberNode(Math.nextUp(d.max())));
        } else {
          refused(k, NODES.numberNode(d.max()));
          accepted(k, NODES.numberNode(Math.nextDown(d.max())));
        }
        refused(k, NODES.numberNode(Double.NaN));
        refused(k, NODES.numberNode(Double.POSITIVE_INFINITY));
        refused(k, NODES.textNode("0.5"));
        checked++;
      }
    }
    assertEquals(11, checked);
  }

  @Test
  void choiceKeysAcceptEachNameAndSuggestTheClosestForATypo() {
    assertEquals(OptimizerKind.ADAMW, TrainingKeys.OPTIMIZER.read(NODES.textNode("adamw"), "f"));
    assertEquals(EarlyStopMetric.CHRF, TrainingKeys.EARLY_STOP_METRIC.read(NODES.textNode("chrf"), "f"));
    assertEquals(EarlyStopMetric.EXACT, TrainingKeys.EARLY_STOP_METRIC.read(NODES.textNode("exact"), "f"));
    assertEquals(NonFinitePolicy.SKIP, TrainingKeys.ON_NON_FINITE.read(NODES.textNode("skip"), "f"));
    assertEquals("dates", DataKeys.TASK.read(NODES.textNode("dates"), "f"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> TrainingKeys.BATCHING.read(NODES.textNode("bucketted"), "exp.yaml"));
    assertEquals("exp.yaml: bad value for training.batching: \"bucketted\"; expected one of bucketed, random,"
        + " tokens (did you mean bucketed?)", e.getMessage());
    refused(TrainingKeys.OPTIMIZER, NODES.textNode("ADAM"));
    refused(DataKeys.TASK, NODES.textNode("numbers2"));
  }

  @Test
  void textKeysRefuseControlCharactersAndEmptyTextAndAcceptNullOnlyWhereAllowed() {
    for (ConfigKey<?> k : List.of(DataKeys.TRAIN, ModelKeys.CELL, ModelKeys.ATTENTION, DataKeys.SOURCE_LANGUAGE,
        TrainingKeys.SCHEDULE, DataKeys.SOURCE_TOKENIZER)) {
      refused(k, NODES.textNode(""));
      refused(k, NODES.textNode("a\nb"));
      refused(k, NODES.numberNode(3));
    }
    accepted(DataKeys.TRAIN, NODES.nullNode());
    accepted(DataKeys.SOURCE_LANGUAGE, NODES.nullNode());
    refused(ModelKeys.CELL, NODES.nullNode());
    refused(ModelKeys.CELL, NODES.textNode("two words"));
    refused(DataKeys.SOURCE_TOKENIZER, NODES.textNode("word:shout"));
    accepted(DataKeys.SOURCE_TOKENIZER, NODES.textNode("word:lowercase,fold"));
  }

  @Test
  void settingsBuiltInCodeAreCheckedAgainstTheSameKeys() {
    DecodingSettings d = ExperimentConfig.defaults().decoding();
    ConfigException e = assertThrows(ConfigException.class,
        () -> new DecodingSettings(0, d.lengthPenalty(), d.maxLengthRatio(), d.maxLengthExtra(), false, 0, 0.0));
    assertEquals("bad value for decoding.beam: 0; expected a whole number from 1 to 1024", e.getMessage());
    ModelSettings m = ExperimentConfig.defaults().model();
    e = assertThrows(ConfigException.class, () -> new ModelSettings("lstm\u202E", m.cellOptions(), 8, 8, 1, false,
        false, 0, "none", true, true, false));
    assertEquals("bad value for model.cell: \"lstm\\u202e\"; expected rnn, lstm, gru or a plugin's cell", e.getMessage());
  }

  private static void accepted(ConfigKey<?> k, JsonNode node) {
    Object v = k.read(node, "test");
    assertEquals(node.isNull(), v == null, k.name() + " = " + node);
  }

  private static void refused(ConfigKey<?> k, JsonNode node) {
    ConfigException e = assertThrows(ConfigException.class, () -> k.read(node, "test"), k.name() + " = " + node);
    assertTrue(e.getMessage().startsWith("test: bad value for " + k.name() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("; expected "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}

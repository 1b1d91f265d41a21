package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Checks configuration trees against the catalogue ({@link ConfigKeys}) and turns them into
 * typed settings and back. Every problem is one line naming the key: an unknown key with the
 * closest known one ("did you mean"), a bad value with the value (control characters
 * escaped) and what the key allows.
 */
public final class ConfigBinding {

  private ConfigBinding() {}

  /** The tree of every key at its default. */
  static ObjectNode defaultTree() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      root.withObjectProperty(k.section()).set(k.leaf(), k.defaultNode());
    }
    return root;
  }

  /**
   * Lays {@code source} over {@code target} (a complete tree), key by key, after checking
   * each key and value. Values are stored in canonical form (e.g. {@code step:5:0.5}).
   *
   * @param origin where {@code source} comes from, first in messages
   * @throws ConfigException at the first unknown key or bad value
   */
  static void overlay(ObjectNode target, ObjectNode source, String origin) {
    for (Map.Entry<String, JsonNode> section : source.properties()) {
      String name = section.getKey();
      if (!ConfigKeys.SECTIONS.contains(name)) {
        throw new ConfigException(origin + ": unknown section " + quoted(name) + "; did you mean '"
            + ClosestName.closest(name, ConfigKeys.SECTIONS) + "'?");
      }
      if (!section.getValue().isObject()) {
        throw new ConfigException(origin + ": bad value for " + name + ": " + Printable.of(section.getValue())
            + "; expected a mapping of " + name + ".* settings");
      }
      for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
        setChecked(target, name + "." + entry.getKey(), entry.getValue(), origin);
      }
    }
  }

  /** Checks and stores one key's value. */
  static void setChecked(ObjectNode target, String path, JsonNode value, String origin) {
    if (ConfigKeys.ignored(path)) {
      return;
    }
    ConfigKey<?> key = ConfigKeys.byName(path).orElseThrow(() -> unknownKey(path, origin));
    target.withObjectProperty(key.section()).set(key.leaf(), canonical(key, value, origin));
  }

  private static <T> JsonNode canonical(ConfigKey<T> key, JsonNode value, String origin) {
    return key.type().write(key.read(value, origin));
  }

  private static ConfigException unknownKey(String path, String origin) {
    String section = path.substring(0, path.indexOf('.'));
    List<String> names = ConfigKeys.section(section).stream().map(ConfigKey::name).toList();
    return new ConfigException(origin + ": unknown key " + quoted(path) + "; did you mean '"
        + ClosestName.closest(path, names) + "'?");
  }

  private static String quoted(String name) {
    return "'" + Printable.escape(name) + "'";
  }

  /**
   * The typed settings of a complete, checked tree (one {@link #overlay} built).
   *
   * @throws ConfigException if settings that are valid alone do not fit together (e.g.
   *     {@code data.train} without {@code data.dev})
   */
  static ExperimentConfig bind(ObjectNode tree) {
    Values v = new Values(tree);
    DataSettings data = new DataSettings(v.get(DataKeys.TASK), v.get(DataKeys.TRAIN), v.get(DataKeys.DEV),
        v.get(DataKeys.SOURCE_LANGUAGE), v.get(DataKeys.TARGET_LANGUAGE), v.get(DataKeys.TRAIN_SIZE),
        v.get(DataKeys.DEV_SIZE), v.get(DataKeys.SOURCE_TOKENIZER), v.get(DataKeys.TARGET_TOKENIZER),
        v.get(DataKeys.MAX_LENGTH), v.get(DataKeys.MIN_FREQUENCY), v.get(DataKeys.MAX_VOCABULARY),
        v.get(DataKeys.STRICT), v.get(DataKeys.JOINT_BPE));
    ModelSettings model = new ModelSettings(v.get(ModelKeys.CELL), v.get(ModelKeys.CELL_OPTIONS),
        v.get(ModelKeys.EMBEDDING), v.get(ModelKeys.HIDDEN), v.get(ModelKeys.LAYERS), v.get(ModelKeys.BIDIRECTIONAL),
        v.get(ModelKeys.RESIDUAL), v.get(ModelKeys.DROPOUT), v.get(ModelKeys.ATTENTION), v.get(ModelKeys.INPUT_FEEDING),
        v.get(ModelKeys.FEED_CONTEXT), v.get(ModelKeys.TIE_EMBEDDINGS));
    TrainingSettings training = new TrainingSettings(v.get(TrainingKeys.STEPS), v.get(TrainingKeys.BATCH_SIZE),
        v.get(TrainingKeys.OPTIMIZER), v.get(TrainingKeys.LEARNING_RATE), v.get(TrainingKeys.WEIGHT_DECAY),
        v.get(TrainingKeys.CLIP_NORM), v.get(TrainingKeys.CLIP_VALUE), v.get(TrainingKeys.SCHEDULE),
        v.get(TrainingKeys.EVAL_EVERY), v.get(TrainingKeys.CHECKPOINT_EVERY), v.get(TrainingKeys.KEEP_CHECKPOINTS),
        v.get(TrainingKeys.PATIENCE),
        v.get(TrainingKeys.EARLY_STOP_METRIC), v.get(TrainingKeys.LABEL_SMOOTHING), v.get(TrainingKeys.SAMPLING_RATE), v.get(TrainingKeys.SEED),
        v.get(TrainingKeys.MAX_MINUTES), v.get(TrainingKeys.ON_NON_FINITE), v.get(TrainingKeys.BATCHING),
        v.get(TrainingKeys.BATCH_TOKENS));
    DecodingSettings decoding = new DecodingSettings(v.get(DecodingKeys.BEAM), v.get(DecodingKeys.LENGTH_PENALTY),
        v.get(DecodingKeys.MAX_LENGTH_RATIO), v.get(DecodingKeys.MAX_LENGTH_EXTRA),
        v.get(DecodingKeys.REPLACE_UNKNOWN), v.get(DecodingKeys.NO_REPEAT_NGRAM),
        v.get(DecodingKeys.COVERAGE_PENALTY));
    return new ExperimentConfig(data, model, training, decoding);
  }

  /** The complete tree of {@code config}, in catalogue order. */
  static ObjectNode toTree(ExperimentConfig config) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      root.withObjectProperty(k.section()).set(k.leaf(), k.valueIn(config));
    }
    return root;
  }

  /** Typed reads from a checked tree; a key the tree lacks has its default. */
  private record Values(ObjectNode tree) {
    <T> T get(ConfigKey<T> key) {
      JsonNode n = tree.path(key.section()).path(key.leaf());
      return n.isMissingNode() ? key.defaultValue() : key.read(n, "configuration");
    }
  }
}

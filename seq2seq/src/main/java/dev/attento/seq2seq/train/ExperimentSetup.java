package dev.attento.seq2seq.train;

import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.model.ModelConfig;
import java.nio.file.Path;

/** Reads the {@code model} and {@code decoding} sections of an experiment config. */
public final class ExperimentSetup {

  private ExperimentSetup() {}

  /** The architecture, for vocabularies of the given sizes. */
  public static ModelConfig model(ConfigTree c, int sourceVocab, int targetVocab) {
    return new ModelConfig(c.string("model.cell"), c.stringMap("model.cellOptions"), sourceVocab, targetVocab,
        c.integer("model.embedding"), c.integer("model.hidden"), c.integer("model.layers"),
        c.flag("model.bidirectional"), c.flag("model.residual"), (float) c.number("model.dropout"),
        c.string("model.attention"), c.flag("model.inputFeeding"), c.flag("model.feedContext"),
        c.flag("model.tieEmbeddings"));
  }

  /**
   * A freshly initialised model for {@code data}: the config's architecture with the data's
   * vocabularies, its weights drawn from {@code training.seed}.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   */
  public static ModelBundle newModel(ConfigTree c, TrainingData data, Path pluginDir) {
    ModelConfig architecture = model(c, data.source().vocabulary().size(), data.target().vocabulary().size());
    return ModelBundle.create(architecture, (long) c.number("training.seed"), data.source(), data.target(), pluginDir);
  }

  /** How to decode. */
  public static DecodingOptions decoding(ConfigTree c) {
    return new DecodingOptions(c.integer("decoding.beam"), c.number("decoding.lengthPenalty"),
        c.number("decoding.maxLengthRatio"), c.integer("decoding.maxLengthExtra"));
  }
}

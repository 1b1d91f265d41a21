package dev.attento.seq2seq.train;

import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import java.nio.file.Path;

/**
 * A translator with what it takes to translate text: the tokenizers and vocabularies it was
 * trained with.
 *
 * @param translator the network
 * @param source source tokenizer and vocabulary
 * @param target target tokenizer and vocabulary
 * @param seed the seed it was initialised with
 */
public record TrainedModel(Translator translator, TrainingData.Side source, TrainingData.Side target, long seed) {

  /** A freshly initialised model for an experiment and its prepared data. */
  public static TrainedModel create(ExperimentConfig config, TrainingData data, Path pluginDir) {
    long seed = (long) config.number("training.seed");
    ModelConfig model = ExperimentSetup.model(config, data.source().vocabulary().size(), data.target().vocabulary().size());
    return new TrainedModel(Translators.build(model, seed, pluginDir), data.source(), data.target(), seed);
  }
}

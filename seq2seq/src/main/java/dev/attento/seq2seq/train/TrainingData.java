package dev.attento.seq2seq.train;

import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ModelSettings;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.text.TextCodec;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the trainer needs from the data: the text codecs (tokenizers, and vocabularies
 * built on the training side), and both splits encoded.
 *
 * @param source source-side tokenizer and vocabulary
 * @param target target-side tokenizer and vocabulary
 * @param train training examples
 * @param dev held-out examples
 * @param devPairs the dev sentences as text (for BLEU against detokenized output)
 * @param summary a line on where the data came from and what was dropped
 */
public record TrainingData(TextCodec source, TextCodec target, List<Example> train, List<Example> dev,
                           List<SentencePair> devPairs, String summary) {

  /**
   * A freshly initialised model for this data: the architecture of {@code model} with these
   * vocabularies, its weights drawn from {@code seed}.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   */
  public ModelBundle newModel(ModelSettings model, long seed, Path pluginDir) {
    ModelConfig architecture = model.toModelConfig(source.vocabulary().size(), target.vocabulary().size());
    return ModelBundle.create(architecture, seed, source, target, pluginDir);
  }
}

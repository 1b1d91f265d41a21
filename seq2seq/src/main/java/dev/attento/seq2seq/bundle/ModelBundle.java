package dev.attento.seq2seq.bundle;

import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.TextCodec;
import java.nio.file.Path;

/**
 * A model as everything that uses one needs it — {@code translate}, {@code eval}, the server,
 * batch jobs, and training itself: the network and the text codecs of both sides. Saved and
 * loaded by {@link BundleFiles}; a training checkpoint is a bundle plus the optimizer's and
 * the trainer's state.
 *
 * @param translator the network, with its architecture ({@link Translator#config()})
 * @param source how source text becomes ids
 * @param target how target ids become text
 * @param seed the seed its initial weights were derived from
 */
public record ModelBundle(Translator translator, TextCodec source, TextCodec target, long seed) {

  /**
   * A freshly initialised model for the given codecs.
   *
   * @param architecture the architecture; its vocabulary sizes are taken from the codecs
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   */
  public static ModelBundle create(ModelConfig architecture, long seed, TextCodec source, TextCodec target,
                                   Path pluginDir) {
    ModelConfig config = architecture.withVocabularies(source.vocabulary().size(), target.vocabulary().size());
    return new ModelBundle(Translators.build(config, seed, pluginDir), source, target, seed);
  }

  /**
   * {@code requested} as this model searches with it: UNK forbidden as well when the target side
   * spells every text (subword units), where an UNK in the output could only be the model's error.
   */
  public DecodingOptions searchOptions(DecodingOptions requested) {
    return requested.withForbidUnknown(requested.forbidUnknown() || target.spellsEveryText());
  }

  /** The architecture. */
  public ModelConfig config() {
    return translator.config();
  }
}

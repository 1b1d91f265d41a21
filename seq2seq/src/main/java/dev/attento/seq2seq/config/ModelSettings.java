package dev.attento.seq2seq.config;

import dev.attento.seq2seq.model.ModelConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code model} section: the architecture, without the vocabulary sizes (known once the
 * data is read). Each component is the key of the same name in {@link ModelKeys}, checked
 * against it on construction.
 *
 * @param cell recurrent cell of encoder and decoder (built-in or a plugin's)
 * @param cellOptions options for the cell
 * @param embedding size of the token embeddings
 * @param hidden hidden size of each recurrent layer (per direction)
 * @param layers stacked layers in encoder and decoder
 * @param bidirectional the encoder reads the source in both directions
 * @param residual stacked layers add their input to their output
 * @param dropout dropout between layers and before the output layer
 * @param attention attention mechanism, or {@code none} for a fixed context vector
 * @param inputFeeding feed the previous attentional vector into the next step
 * @param feedContext fixed context: feed it at every step rather than only initialising
 * @param tieEmbeddings share the target embeddings with the output layer
 */
public record ModelSettings(String cell, Map<String, String> cellOptions, int embedding, int hidden, int layers,
                            boolean bidirectional, boolean residual, double dropout, String attention,
                            boolean inputFeeding, boolean feedContext, boolean tieEmbeddings) {

  public ModelSettings {
    ModelKeys.CELL.check(cell);
    cellOptions = Collections.unmodifiableMap(new LinkedHashMap<>(ModelKeys.CELL_OPTIONS.check(cellOptions)));
    ModelKeys.EMBEDDING.check(embedding);
    ModelKeys.HIDDEN.check(hidden);
    ModelKeys.LAYERS.check(layers);
    ModelKeys.DROPOUT.check(dropout);
    ModelKeys.ATTENTION.check(attention);
  }

  /** The architecture for vocabularies of the given sizes. */
  public ModelConfig toModelConfig(int sourceVocabulary, int targetVocabulary) {
    return new ModelConfig(cell, cellOptions, sourceVocabulary, targetVocabulary, embedding, hidden, layers,
        bidirectional, residual, (float) dropout, attention, inputFeeding, feedContext, tieEmbeddings);
  }

  /** Whether the decoder attends over the encoder states. */
  public boolean usesAttention() {
    return !ModelConfig.NO_ATTENTION.equals(attention);
  }
}

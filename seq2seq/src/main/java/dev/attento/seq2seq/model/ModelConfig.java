package dev.attento.seq2seq.model;

import java.util.Map;

/**
 * The architecture of a translator: everything needed to rebuild it before loading weights.
 * Saved as JSON with every checkpoint.
 *
 * @param cell registered cell name for encoder and decoder (e.g. {@code lstm})
 * @param cellOptions options passed to the cell provider
 * @param sourceVocab size of the source vocabulary
 * @param targetVocab size of the target vocabulary
 * @param embeddingSize size of the token embeddings
 * @param hiddenSize hidden size of each recurrent layer (per direction)
 * @param layers number of stacked layers in encoder and decoder
 * @param bidirectional whether the encoder reads the source in both directions
 * @param residual whether stacked layers add their input to their output (He et al. 2016)
 * @param dropout dropout between layers and before the output layer
 * @param attention attention mechanism name, or {@code none} for a fixed context vector
 * @param inputFeeding feed the previous attentional vector into the next step (Luong 2015, §3.3)
 * @param feedContext for the fixed-context decoder: feed the context at every step (Cho et
 *     al. 2014) rather than only initialising the state from it (Sutskever et al. 2014)
 * @param tieEmbeddings share the target embedding matrix with the output layer (Press &amp;
 *     Wolf 2017); needs the attentional/output vector size to equal the embedding size
 */
public record ModelConfig(
    String cell,
    Map<String, String> cellOptions,
    int sourceVocab,
    int targetVocab,
    int embeddingSize,
    int hiddenSize,
    int layers,
    boolean bidirectional,
    boolean residual,
    float dropout,
    String attention,
    boolean inputFeeding,
    boolean feedContext,
    boolean tieEmbeddings) {

  /** Largest vocabulary a model may have. */
  public static final int MAX_VOCABULARY = 10_000_000;
  /** Largest embedding or hidden size. */
  public static final int MAX_SIZE = 16_384;
  /** Most stacked layers. */
  public static final int MAX_LAYERS = 64;

  /** The value of {@link #attention()} that selects the fixed-context decoder. */
  public static final String NO_ATTENTION = "none";

  public ModelConfig {
    require(cell != null && attention != null && cellOptions != null, "cell, cellOptions and attention are required");
    cellOptions = Map.copyOf(cellOptions);
    require(sourceVocab > 0 && targetVocab > 0 && sourceVocab <= MAX_VOCABULARY && targetVocab <= MAX_VOCABULARY,
        "vocabulary sizes must be between 1 and " + MAX_VOCABULARY + ", got " + sourceVocab + " and " + targetVocab);
    require(embeddingSize > 0 && embeddingSize <= MAX_SIZE && hiddenSize > 0 && hiddenSize <= MAX_SIZE,
        "embedding and hidden sizes must be between 1 and " + MAX_SIZE + ", got " + embeddingSize + " and " + hiddenSize);
    require(layers >= 1 && layers <= MAX_LAYERS, "layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
    require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), got " + dropout);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("model config: " + message);
    }
  }

  /** Whether the decoder attends over the encoder states. */
  public boolean usesAttention() {
    return !NO_ATTENTION.equals(attention);
  }

  /** Size of each encoder output vector (both directions concatenated). */
  public int encoderOutputSize() {
    return hiddenSize * (bidirectional ? 2 : 1);
  }

  /** A copy with other vocabulary sizes (they are known only once the data is read). */
  public ModelConfig withVocabularies(int source, int target) {
    return new ModelConfig(cell, cellOptions, source, target, embeddingSize, hiddenSize, layers, bidirectional,
        residual, dropout, attention, inputFeeding, feedContext, tieEmbeddings);
  }

  /** A copy with another attention setting (used by {@code compare}). */
  public ModelConfig withAttention(String mechanism) {
    return new ModelConfig(cell, cellOptions, sourceVocab, targetVocab, embeddingSize, hiddenSize, layers,
        bidirectional, residual, dropout, mechanism, inputFeeding, feedContext, tieEmbeddings);
  }
}

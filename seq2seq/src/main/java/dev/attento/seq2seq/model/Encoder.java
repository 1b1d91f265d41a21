package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.cells.spi.CellState;
import dev.attento.core.init.Initialization;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoder: source embeddings read by a {@link LayerStack}, optionally bidirectional.
 * Padded positions never change a layer's state (the cells' masked {@code run}), so a
 * sequence's encoding does not depend on how much padding its batch has.
 *
 * <p>A bidirectional layer's final states (left to right and right to left) are bridged by
 * a linear map per state part, {@code [fwd; bwd]} (2H) to H, so the decoder can start from
 * them.
 */
public final class Encoder {

  private final Tensor embedding;
  private final LayerStack layers;
  /** Per layer, per state part: the bridge's weight and bias; empty if unidirectional. */
  private final List<List<Tensor[]>> bridges = new ArrayList<>();
  private final NamedParameters parameters = new NamedParameters();

  /**
   * @param config architecture
   * @param cells makes the recurrent cells
   * @param init the initialisation of the encoder's place in the model ({@code encoder})
   */
  public Encoder(ModelConfig config, CellFactory cells, Initialization init) {
    this.embedding = init.parameter("embedding", Initializers.uniform(0.1), config.sourceVocab(),
        config.embeddingSize());
    parameters.add("embedding", embedding);
    // The names layerN.forward/backward are kept for a unidirectional encoder too, as checkpoints have them.
    this.layers = new LayerStack(config, cells, config.embeddingSize(), true, config.bidirectional(), init, parameters);
    if (config.bidirectional()) {
      int h = config.hiddenSize();
      for (int l = 0; l < layers.size(); l++) {
        List<Tensor[]> perPart = new ArrayList<>();
        for (int p = 0; p < layers.stateParts(); p++) {
          String name = "layer" + l + ".bridge" + p;
          Tensor w = init.parameter(name + ".weight", Initializers.linear(), h, 2 * h);
          Tensor b = Tensor.zeros(h);
          parameters.add(name + ".weight", w);
          parameters.add(name + ".bias", b);
          perPart.add(new Tensor[] {w, b});
        }
        bridges.add(perPart);
      }
    }
  }

  /** Every recurrent cell of the encoder (for post-step constraints and for pinning plugins). */
  public List<RecurrentCell> cells() {
    return layers.cells();
  }

  /** The encoder's parameters, named. */
  public NamedParameters parameters() {
    return parameters;
  }

  /** Encodes a padded batch. */
  public EncoderOutput encode(Forward fwd, SourceBatch batch) {
    EmbeddedTokens tokens = new EmbeddedTokens(embedding, batch.ids(), new int[] {batch.batchSize(), batch.length()});
    Tensor mask = batch.mask();
    boolean bidirectional = !bridges.isEmpty();
    LayerStack.Run run = layers.run(fwd, tokens, null, mask, bidirectional ? batch.reversalPermutation() : null);
    List<CellState> finals = run.forwardFinals();
    if (bidirectional) {
      finals = new ArrayList<>();
      for (int l = 0; l < layers.size(); l++) {
        finals.add(bridge(fwd, bridges.get(l), run.forwardFinals().get(l), run.backwardFinals().get(l)));
      }
    }
    return new EncoderOutput(run.outputs(), mask, finals);
  }

  private static CellState bridge(Forward fwd, List<Tensor[]> bridge, CellState ltr, CellState rtl) {
    List<Tensor> parts = new ArrayList<>(ltr.size());
    for (int p = 0; p < ltr.size(); p++) {
      Tensor[] wb = bridge.get(p);
      parts.add(Linear.linear(fwd, Shaping.concat(fwd, 1, ltr.part(p), rtl.part(p)), wb[0], wb[1]));
    }
    return new CellState(parts);
  }
}

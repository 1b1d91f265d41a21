package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Dropout;
import dev.attento.core.ops.Embedding;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The encoder: source embeddings, then a stack of recurrent layers, each optionally
 * bidirectional (Schuster &amp; Paliwal 1997) and with a residual connection from its input
 * when the sizes match. Padded positions never change a layer's state (the cells' masked
 * {@code run}), so a sequence's encoding does not depend on how much padding its batch has.
 *
 * <p>A bidirectional layer's backward direction reads each sequence reversed <em>within its
 * own length</em>, so padding stays at the end; its final state is bridged with the forward
 * one by a linear map to the decoder's hidden size.
 */
public final class Encoder {

  private final Tensor embedding;
  private final List<Layer> layers;
  private final boolean residual;
  private final float dropout;
  private final NamedParameters parameters = new NamedParameters();

  /**
   * A layer: forward cell, optional backward cell and, for bidirectional layers, one bridge
   * per state part mapping {@code [fwd; bwd]} (2H) to H.
   */
  private record Layer(RecurrentCell forward, RecurrentCell backward, List<Tensor[]> bridges) {}

  /**
   * @param config architecture
   * @param cells makes the recurrent cells
   * @param random seeded generator for the embeddings and bridges
   */
  public Encoder(ModelConfig config, CellFactory cells, UniformRandomProvider random) {
    this.embedding = Parameters.uniform(random, 0.1f, config.sourceVocab(), config.embeddingSize());
    this.residual = config.residual();
    this.dropout = config.dropout();
    parameters.add("embedding", embedding);
    this.layers = new ArrayList<>();
    int h = config.hiddenSize();
    for (int l = 0; l < config.layers(); l++) {
      int in = l == 0 ? config.embeddingSize() : config.encoderOutputSize();
      RecurrentCell fwd = cells.create(in, h);
      parameters.addAll("layer" + l + ".forward", fwd.parameters());
      RecurrentCell bwd = null;
      List<Tensor[]> bridges = List.of();
      if (config.bidirectional()) {
        bwd = cells.create(in, h);
        parameters.addAll("layer" + l + ".backward", bwd.parameters());
        int parts = fwd.initialState(1).size();
        bridges = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          Tensor w = Parameters.linearWeight(random, h, 2 * h);
          Tensor b = Parameters.zeros(h);
          parameters.add("layer" + l + ".bridge" + p + ".weight", w);
          parameters.add("layer" + l + ".bridge" + p + ".bias", b);
          bridges.add(new Tensor[] {w, b});
        }
      }
      layers.add(new Layer(fwd, bwd, bridges));
    }
  }

  /** The encoder's parameters, named. */
  public NamedParameters parameters() {
    return parameters;
  }

  /**
   * Encodes a padded batch.
   *
   * @param batch the source ids, lengths and mask
   * @param training whether dropout is active
   * @param random generator for dropout masks (unused when not training)
   */
  public EncoderOutput encode(SourceBatch batch, boolean training, UniformRandomProvider random) {
    int b = batch.batchSize();
    int s = batch.length();
    Tensor x = Embedding.lookup(embedding, batch.ids(), b, s);
    Tensor mask = batch.mask();
    int[] reversal = batch.reversalPermutation();
    List<CellState> finals = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      Tensor input = l == 0 ? x : Dropout.dropout(x, dropout, training, random);
      RecurrentCell.SequenceResult fwd = layer.forward().run(input, layer.forward().initialState(b), mask);
      Tensor out = fwd.outputs();
      CellState last = fwd.last();
      if (layer.backward() != null) {
        Tensor reversed = permuteSteps(input, reversal);
        RecurrentCell.SequenceResult bwd = layer.backward().run(reversed, layer.backward().initialState(b), mask);
        out = Shaping.concat(2, out, permuteSteps(bwd.outputs(), reversal));
        last = bridge(layer, fwd.last(), bwd.last());
      }
      if (residual && l > 0 && out.dim(2) == x.dim(2)) {
        out = Arithmetic.add(out, x);
      }
      finals.add(last);
      x = out;
    }
    return new EncoderOutput(x, mask, finals);
  }

  /** Reorders the time steps of {@code [B, S, D]} by a permutation of the B·S rows. */
  private static Tensor permuteSteps(Tensor x, int[] rows) {
    int[] shape = x.shape();
    Tensor flat = Shaping.reshape(x, shape[0] * shape[1], shape[2]);
    return Shaping.reshape(IndexSelect.rows(flat, rows), shape);
  }

  private static CellState bridge(Layer layer, CellState fwd, CellState bwd) {
    List<Tensor> parts = new ArrayList<>(fwd.size());
    for (int p = 0; p < fwd.size(); p++) {
      Tensor[] wb = layer.bridges().get(p);
      parts.add(Linear.linear(Shaping.concat(1, fwd.part(p), bwd.part(p)), wb[0], wb[1]));
    }
    return new CellState(parts);
  }
}

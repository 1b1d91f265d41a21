package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Dropout;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The decoder's stacked recurrent layers, shared by both decoder kinds: dropout between
 * layers and, optionally, residual connections where input and output sizes agree.
 */
final class LayerStack {

  private final List<RecurrentCell> cells = new ArrayList<>();
  private final boolean residual;
  private final float dropout;

  LayerStack(ModelConfig config, CellFactory factory, int inputSize, NamedParameters parameters) {
    this.residual = config.residual();
    this.dropout = config.dropout();
    for (int l = 0; l < config.layers(); l++) {
      RecurrentCell cell = factory.create(l == 0 ? inputSize : config.hiddenSize(), config.hiddenSize());
      parameters.addAll("layer" + l, cell.parameters());
      cells.add(cell);
    }
  }

  /** One step through every layer; returns the new states, the top output is {@code .get(last).output()}. */
  List<CellState> step(Tensor x, List<CellState> states, boolean training, UniformRandomProvider random) {
    List<CellState> next = new ArrayList<>(cells.size());
    Tensor input = x;
    for (int l = 0; l < cells.size(); l++) {
      Tensor in = l == 0 ? input : Dropout.dropout(input, dropout, training, random);
      CellState s = cells.get(l).step(in, states.get(l));
      next.add(s);
      input = connect(l, in, s.output());
    }
    return next;
  }

  /**
   * Whole sequences through every layer.
   *
   * @param mask {@code [batch, time]}, 0 where a row has ended (its steps may be skipped), or {@code null}
   */
  Tensor run(Tensor inputs, List<CellState> initial, Tensor mask, boolean training, UniformRandomProvider random) {
    Tensor x = inputs;
    for (int l = 0; l < cells.size(); l++) {
      Tensor in = l == 0 ? x : Dropout.dropout(x, dropout, training, random);
      Tensor out = cells.get(l).run(in, initial.get(l), mask).outputs();
      x = connect(l, in, out);
    }
    return x;
  }

  private Tensor connect(int layer, Tensor in, Tensor out) {
    boolean skip = residual && layer > 0 && in.dim(-1) == out.dim(-1);
    return skip ? Arithmetic.add(out, in) : out;
  }
}

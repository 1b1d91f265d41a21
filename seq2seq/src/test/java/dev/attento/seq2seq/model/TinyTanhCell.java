package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/** A minimal Elman cell built from core ops, so model tests do not depend on the cells module's built-ins. */
final class TinyTanhCell implements RecurrentCell {

  private final int in;
  private final int hidden;
  private final Map<String, Tensor> params = new LinkedHashMap<>();

  TinyTanhCell(int in, int hidden, UniformRandomProvider random) {
    this.in = in;
    this.hidden = hidden;
    params.put("weight_ih", weight(random, hidden, in));
    params.put("weight_hh", weight(random, hidden, hidden));
    params.put("bias", Tensor.zeros(hidden));
  }

  private static Tensor weight(UniformRandomProvider random, int out, int in) {
    Tensor w = Tensor.zeros(out, in);
    Initializers.linear().fill(w, random);
    return w;
  }

  @Override
  public int inputSize() {
    return in;
  }

  @Override
  public int hiddenSize() {
    return hidden;
  }

  @Override
  public Map<String, Tensor> parameters() {
    return params;
  }

  @Override
  public CellState initialState(int batch) {
    return CellState.of(Tensor.zeros(batch, hidden));
  }

  @Override
  public CellState step(Forward fwd, Tensor x, CellState state) {
    Tensor pre = Arithmetic.add(fwd, Linear.linear(fwd, x, params.get("weight_ih"), params.get("bias")),
        Linear.linear(fwd, state.output(), params.get("weight_hh"), null));
    return CellState.of(Activations.tanh(fwd, pre));
  }
}

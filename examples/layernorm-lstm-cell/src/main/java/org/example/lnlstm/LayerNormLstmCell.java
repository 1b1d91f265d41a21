package org.example.lnlstm;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Normalization;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer-normalised LSTM (Ba, Kiros &amp; Hinton 2016, §3.1 and eq. 20–22): the input and
 * recurrent contributions to the four gates are normalised separately, and so is the cell
 * before its tanh.
 *
 * <pre>
 *   [i f o g] = LN(W x; α₁, β₁) + LN(U h; α₂, β₂) + b        (4H wide)
 *   c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g)
 *   h' = σ(o) ⊙ tanh(LN(c'; α₃, β₃))
 * </pre>
 *
 * Written on the public API only; {@link Normalization#layerNorm} is one fused op with its own
 * backward.
 */
final class LayerNormLstmCell implements RecurrentCell {

  private static final float EPSILON = 1e-5f;

  private final int inputSize;
  private final int hiddenSize;
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();

  LayerNormLstmCell(CellSpec spec) {
    this.inputSize = spec.inputSize();
    this.hiddenSize = spec.hiddenSize();
    int gates = 4 * hiddenSize;
    Tensor weightIh = Tensor.zeros(gates, inputSize);
    Tensor weightHh = Tensor.zeros(gates, hiddenSize);
    Initializers.byName(spec.option("input_init")).fill(weightIh, spec.random());
    Initializers.byName(spec.option("recurrent_init")).fill(weightHh, spec.random());
    Tensor bias = Tensor.zeros(gates);
    // Gate order i, f, o, g: the forget gate's bias is the second block.
    java.util.Arrays.fill(bias.data(), hiddenSize, 2 * hiddenSize, Float.parseFloat(spec.option("forget_bias")));
    parameters.put("weight_ih", weightIh);
    parameters.put("weight_hh", weightHh);
    parameters.put("bias", bias);
    parameters.put("ln_input_gain", Tensor.full(1f, gates));
    parameters.put("ln_input_bias", Tensor.zeros(gates));
    parameters.put("ln_recurrent_gain", Tensor.full(1f, gates));
    parameters.put("ln_recurrent_bias", Tensor.zeros(gates));
    parameters.put("ln_cell_gain", Tensor.full(1f, hiddenSize));
    parameters.put("ln_cell_bias", Tensor.zeros(hiddenSize));
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public Map<String, Tensor> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public CellState initialState(int batch) {
    return CellState.of(Tensor.zeros(batch, hiddenSize), Tensor.zeros(batch, hiddenSize));
  }

  @Override
  public CellState step(Forward fwd, Tensor x, CellState state) {
    Tensor h = state.output();
    Tensor c = state.part(1);
    Tensor fromInput = layerNorm(fwd, Linear.linear(fwd, x, p("weight_ih"), null), "ln_input");
    Tensor fromState = layerNorm(fwd, Linear.linear(fwd, h, p("weight_hh"), null), "ln_recurrent");
    Tensor gates = Arithmetic.add(fwd, Arithmetic.add(fwd, fromInput, fromState), p("bias"));
    List<Tensor> ifog = Shaping.split(fwd, gates, 1, hiddenSize, hiddenSize, hiddenSize, hiddenSize);
    Tensor input = Activations.sigmoid(fwd, ifog.get(0));
    Tensor forget = Activations.sigmoid(fwd, ifog.get(1));
    Tensor output = Activations.sigmoid(fwd, ifog.get(2));
    Tensor candidate = Activations.tanh(fwd, ifog.get(3));
    Tensor cell = Arithmetic.add(fwd, Arithmetic.mul(fwd, forget, c), Arithmetic.mul(fwd, input, candidate));
    Tensor hidden = Arithmetic.mul(fwd, output, Activations.tanh(fwd, layerNorm(fwd, cell, "ln_cell")));
    return CellState.of(hidden, cell);
  }

  private Tensor layerNorm(Forward fwd, Tensor x, String name) {
    return Normalization.layerNorm(fwd, x, p(name + "_gain"), p(name + "_bias"), EPSILON);
  }

  private Tensor p(String name) {
    return parameters.get(name);
  }
}

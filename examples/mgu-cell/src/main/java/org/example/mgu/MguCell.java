package org.example.mgu;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Minimal Gated Unit (Zhou, Wu, Zhang &amp; Zhou 2016, eq. 9): one forget gate does the
 * work of the GRU's two.
 *
 * <pre>
 *   f  = σ(W_f x + U_f h + b_f)
 *   h~ = tanh(W_h x + U_h (f ⊙ h) + b_h)
 *   h' = (1 - f) ⊙ h + f ⊙ h~
 * </pre>
 *
 * Built only from core ops, each given the pass's {@link Forward}, so the pass's tape derives
 * the backward pass; {@code step} is all a plugin must write — the SPI's default {@code run}
 * unrolls it and handles padding.
 */
final class MguCell implements RecurrentCell {

  private final int inputSize;
  private final int hiddenSize;
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();

  MguCell(CellSpec spec) {
    this.inputSize = spec.inputSize();
    this.hiddenSize = spec.hiddenSize();
    float scale = Float.parseFloat(spec.option("init_scale"));
    for (String name : new String[] {"weight_f", "weight_h"}) {
      parameters.put(name, uniform(spec, hiddenSize, inputSize, scale));
    }
    for (String name : new String[] {"recurrent_f", "recurrent_h"}) {
      parameters.put(name, uniform(spec, hiddenSize, hiddenSize, scale));
    }
    parameters.put("bias_f", Tensor.full(Float.parseFloat(spec.option("forget_bias")), hiddenSize));
    parameters.put("bias_h", Tensor.zeros(hiddenSize));
  }

  private static Tensor uniform(CellSpec spec, int rows, int cols, float scale) {
    float bound = scale / (float) Math.sqrt(cols);
    Tensor t = Tensor.zeros(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = (float) ((spec.random().nextDouble() * 2 - 1) * bound);
    }
    return t;
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
    return CellState.of(Tensor.zeros(batch, hiddenSize));
  }

  @Override
  public CellState step(Forward fwd, Tensor x, CellState state) {
    Tensor h = state.output();
    Tensor f = Activations.sigmoid(fwd, Arithmetic.add(fwd,
        Linear.linear(fwd, x, parameters.get("weight_f"), parameters.get("bias_f")),
        Linear.linear(fwd, h, parameters.get("recurrent_f"), null)));
    Tensor candidate = Activations.tanh(fwd, Arithmetic.add(fwd,
        Linear.linear(fwd, x, parameters.get("weight_h"), parameters.get("bias_h")),
        Linear.linear(fwd, Arithmetic.mul(fwd, f, h), parameters.get("recurrent_h"), null)));
    // h' = h + f ⊙ (h~ - h), the same as (1 - f) ⊙ h + f ⊙ h~ with one op fewer.
    return CellState.of(Arithmetic.add(fwd, h, Arithmetic.mul(fwd, f, Arithmetic.sub(fwd, candidate, h))));
  }
}

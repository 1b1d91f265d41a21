package org.example.indrnn;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The independently recurrent neural network (Li, Li, Cook, Zhu &amp; Gao 2018, eq. 2): each
 * unit sees only its own previous value, through one recurrent weight.
 *
 * <pre>
 *   h' = relu(W x + u ⊙ h + b)        u ∈ R^H, |u_i| ≤ bound
 * </pre>
 *
 * The bound keeps u_i^T from exploding over T steps; it is a constraint, not a gradient, so
 * the cell applies it in {@link #afterOptimizerStep()}, which the trainer calls after every
 * optimizer step. Written on the public API only: core ops and initialisers, the cell SPI.
 */
final class IndRnnCell implements RecurrentCell {

  private final int inputSize;
  private final int hiddenSize;
  private final float bound;
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();

  IndRnnCell(CellSpec spec) {
    this.inputSize = spec.inputSize();
    this.hiddenSize = spec.hiddenSize();
    this.bound = Float.parseFloat(spec.option("recurrent_bound"));
    if (!(bound > 0)) {
      throw new IllegalArgumentException("indrnn: recurrent_bound must be positive, got " + bound);
    }
    Tensor weight = Tensor.zeros(hiddenSize, inputSize);
    Initializers.byName(spec.option("input_init")).fill(weight, spec.random());
    // The paper draws u uniformly from [0, 1]; within the bound, so the constraint holds from the start.
    Tensor recurrent = Tensor.zeros(hiddenSize);
    Initializers.uniform(1).fill(recurrent, spec.random());
    for (int i = 0; i < recurrent.size(); i++) {
      recurrent.data()[i] = Math.abs(recurrent.data()[i]) * Math.min(1f, bound);
    }
    parameters.put("weight", weight);
    parameters.put("recurrent", recurrent);
    parameters.put("bias", Tensor.zeros(hiddenSize));
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
    Tensor input = Linear.linear(fwd, x, parameters.get("weight"), parameters.get("bias"));
    // u [H] broadcasts over the batch rows of h [B, H].
    Tensor recurrent = Arithmetic.mul(fwd, state.output(), parameters.get("recurrent"));
    return CellState.of(Activations.relu(fwd, Arithmetic.add(fwd, input, recurrent)));
  }

  /** Clips every recurrent weight into [-bound, bound], in place. */
  @Override
  public void afterOptimizerStep() {
    float[] u = parameters.get("recurrent").data();
    for (int i = 0; i < u.length; i++) {
      u[i] = Math.max(-bound, Math.min(bound, u[i]));
    }
  }
}

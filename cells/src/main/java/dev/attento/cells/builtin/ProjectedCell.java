package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the built-in cells share: PyTorch's parameters {@code weight_ih [G·H, in]},
 * {@code weight_hh [G·H, H]}, {@code bias_ih}, {@code bias_hh} for G gate blocks, and the fast
 * whole-sequence path. Every step needs {@code x_t·W_ihᵀ + b_ih} and {@code h·W_hhᵀ + b_hh};
 * the first does not depend on the recurrence, so {@link #run} computes it for all time steps
 * in one GEMM over {@code [B·T, in]} and the fused per-step kernel reads its slice in place.
 */
abstract class ProjectedCell implements RecurrentCell {

  private final int inputSize;
  private final int hiddenSize;
  private final int gates;
  protected final Tensor weightIh;
  protected final Tensor weightHh;
  protected final Tensor biasIh;
  protected final Tensor biasHh;
  private final Map<String, Tensor> parameters;

  ProjectedCell(CellSpec spec, int gates) {
    this.inputSize = spec.inputSize();
    this.hiddenSize = spec.hiddenSize();
    this.gates = gates;
    int rows = gates * hiddenSize;
    weightIh = Tensor.zeros(rows, inputSize);
    weightHh = Tensor.zeros(rows, hiddenSize);
    biasIh = Tensor.zeros(rows);
    biasHh = Tensor.zeros(rows);
    Initializers.byName(spec.option(BuiltinOptions.INPUT_INIT)).fill(weightIh, spec.random());
    Initializers.byName(spec.option(BuiltinOptions.RECURRENT_INIT)).fill(weightHh, spec.random());
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight_ih", weightIh.requireGrad());
    p.put("weight_hh", weightHh.requireGrad());
    p.put("bias_ih", biasIh.requireGrad());
    p.put("bias_hh", biasHh.requireGrad());
    this.parameters = Collections.unmodifiableMap(p);
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int hiddenSize() {
    return hiddenSize;
  }

  /** Number of state tensors (1 for h, 2 for an LSTM's h and c). */
  abstract int stateParts();

  @Override
  public Map<String, Tensor> parameters() {
    return parameters;
  }

  @Override
  public CellState initialState(int batch) {
    List<Tensor> parts = new ArrayList<>(stateParts());
    for (int i = 0; i < stateParts(); i++) {
      parts.add(Tensor.zeros(batch, hiddenSize));
    }
    return new CellState(parts);
  }

  /**
   * The fused step.
   *
   * @param inputProjection {@code [B, T, G·H]}: x·W_ihᵀ + b_ih for every time step
   * @param t the time step to read from {@code inputProjection}
   * @param hiddenProjection {@code [B, G·H]}: h·W_hhᵀ + b_hh
   * @param previous the state before the step
   * @param keep per batch row, 1 to step and 0 to carry the previous state; {@code null} for all 1
   */
  abstract CellState fusedStep(Tensor inputProjection, int t, Tensor hiddenProjection, CellState previous, float[] keep);

  @Override
  public CellState step(Tensor x, CellState state) {
    if (x.rank() != 2 || x.dim(1) != inputSize) {
      throw new IllegalArgumentException("cell step: input " + Shapes.toString(x.shape()) + " does not match input size "
          + inputSize);
    }
    Tensor xp = Shaping.reshape(Linear.linear(x, weightIh, biasIh), x.dim(0), 1, gates * hiddenSize);
    return fusedStep(xp, 0, Linear.linear(state.output(), weightHh, biasHh), state, null);
  }

  @Override
  public SequenceResult run(Tensor inputs, CellState initial, Tensor mask) {
    Shapes.requireRank("cell.run", inputs, 3);
    if (inputs.dim(2) != inputSize) {
      throw new IllegalArgumentException("cell.run: input " + Shapes.toString(inputs.shape())
          + " does not match input size " + inputSize);
    }
    int batch = inputs.dim(0);
    int time = inputs.dim(1);
    if (mask != null && (mask.rank() != 2 || mask.dim(0) != batch || mask.dim(1) != time)) {
      throw Shapes.mismatch("cell.run(mask)", inputs, mask);
    }
    Tensor xp = Linear.linear(inputs, weightIh, biasIh);
    CellState state = initial;
    List<Tensor> outputs = new ArrayList<>(time);
    float[] keep = mask == null ? null : new float[batch];
    for (int t = 0; t < time; t++) {
      if (mask != null) {
        keep = new float[batch];
        for (int b = 0; b < batch; b++) {
          keep[b] = mask.data()[b * time + t];
        }
      }
      state = fusedStep(xp, t, Linear.linear(state.output(), weightHh, biasHh), state, keep);
      outputs.add(state.output());
    }
    return new SequenceResult(Shaping.stack(1, outputs), state);
  }
}

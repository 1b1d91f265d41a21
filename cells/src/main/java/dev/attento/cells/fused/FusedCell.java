package dev.attento.cells.fused;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializer;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
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
 * A recurrent cell made of two projections and a {@link GateFunction}: the fast path that the
 * built-in LSTM, GRU and Elman RNN take, open to plugins. Its parameters are PyTorch's
 * {@code weight_ih [G·H, in]}, {@code weight_hh [G·H, H]}, {@code bias_ih [G·H]} and
 * {@code bias_hh [G·H]}; every step needs {@code xp = x_t·W_ihᵀ + b_ih} and
 * {@code hp = h·W_hhᵀ + b_hh}, and the gate function does the rest.
 *
 * <p>{@link #step} is the two projections and one {@link GateStep} op. {@link #run} makes the
 * whole sequence one autodiff node: one GEMM projects the inputs of every time step (or the
 * embedding table, for a first layer), each step gathers only the sentences that are not
 * padding into a compact batch for the recurrent GEMM over the pass's packed {@code W_hhᵀ},
 * and the backward pass calls {@link GateFunction#backward} step by step and computes
 * {@code ∂W_hh} as one GEMM over every stepped row. Both are checked against finite
 * differences by the conformance kit like any cell.
 *
 * <p>A provider builds one in {@code create}, and may then set initial values, typically a
 * gate's bias ({@link #biasIh()}: the LSTM's forget bias of 1):
 *
 * <pre>{@code
 * FusedCell cell = new FusedCell(spec, new MyGates(), Initializers.xavierUniform(1), Initializers.orthogonal(1));
 * Arrays.fill(cell.biasIh().data(), h, 2 * h, 1f);
 * return cell;
 * }</pre>
 */
public final class FusedCell implements RecurrentCell {

  private final GateFunction gates;
  private final int inputSize;
  private final int hiddenSize;
  private final Tensor weightIh;
  private final Tensor weightHh;
  private final Tensor biasIh;
  private final Tensor biasHh;
  private final Map<String, Tensor> parameters;

  /**
   * A cell with freshly initialised weights (input weights first, then recurrent weights, both
   * drawn from {@code spec.random()}) and zero biases; with all of them zero if the spec says
   * not to initialise (a checkpoint's weights are about to be copied in).
   *
   * @param gates the element-wise step
   * @param inputInit initialiser of {@code weight_ih}
   * @param recurrentInit initialiser of {@code weight_hh} (an orthogonal one works per gate block)
   */
  public FusedCell(CellSpec spec, GateFunction gates, Initializer inputInit, Initializer recurrentInit) {
    if (gates.gates() < 1 || gates.stateParts() < 1 || gates.savedWidth(spec.hiddenSize()) < 0) {
      throw new IllegalArgumentException("gate function " + gates.getClass().getName() + " declares " + gates.gates()
          + " gates, " + gates.stateParts() + " state parts and " + gates.savedWidth(spec.hiddenSize())
          + " saved floats a row; needs at least 1, 1 and 0");
    }
    this.gates = gates;
    this.inputSize = spec.inputSize();
    this.hiddenSize = spec.hiddenSize();
    int rows = gates.gates() * hiddenSize;
    weightIh = Tensor.zeros(rows, inputSize);
    weightHh = Tensor.zeros(rows, hiddenSize);
    biasIh = Tensor.zeros(rows);
    biasHh = Tensor.zeros(rows);
    if (spec.initialise()) {
      inputInit.fill(weightIh, spec.random());
      recurrentInit.fill(weightHh, spec.random());
    }
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight_ih", weightIh);
    p.put("weight_hh", weightHh);
    p.put("bias_ih", biasIh);
    p.put("bias_hh", biasHh);
    this.parameters = Collections.unmodifiableMap(p);
  }

  /** The element-wise step this cell runs. */
  public GateFunction gateFunction() {
    return gates;
  }

  /** {@code weight_ih [G·H, in]}. */
  public Tensor weightIh() {
    return weightIh;
  }

  /** {@code weight_hh [G·H, H]}. */
  public Tensor weightHh() {
    return weightHh;
  }

  /** {@code bias_ih [G·H]}: zeros until the provider sets initial values. */
  public Tensor biasIh() {
    return biasIh;
  }

  /** {@code bias_hh [G·H]}: zeros until the provider sets initial values. */
  public Tensor biasHh() {
    return biasHh;
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
    return parameters;
  }

  @Override
  public CellState initialState(int batch) {
    List<Tensor> parts = new ArrayList<>(gates.stateParts());
    for (int i = 0; i < gates.stateParts(); i++) {
      parts.add(Tensor.zeros(batch, hiddenSize));
    }
    return new CellState(parts);
  }

  @Override
  public CellState step(Forward fwd, Tensor x, CellState state) {
    if (x.rank() != 2 || x.dim(1) != inputSize) {
      throw new IllegalArgumentException("cell step: input " + Shapes.toString(x.shape()) + " does not match input size "
          + inputSize);
    }
    Tensor xp = Linear.linear(fwd, x, weightIh, biasIh);
    Tensor hp = Linear.linear(fwd, state.output(), weightHh, biasHh);
    return GateStep.apply(fwd, gates, xp, hp, state);
  }

  @Override
  public SequenceResult run(Forward fwd, Tensor inputs, CellState initial, Tensor mask) {
    Shapes.requireRank("cell.run", inputs, 3);
    if (inputs.dim(2) != inputSize) {
      throw new IllegalArgumentException("cell.run: input " + Shapes.toString(inputs.shape())
          + " does not match input size " + inputSize);
    }
    return runProjected(fwd, Linear.linear(fwd, inputs, weightIh, biasIh), initial, mask);
  }

  /** Projects the embedding table rather than every token where that is cheaper. */
  @Override
  public SequenceResult run(Forward fwd, EmbeddedTokens inputs, CellState initial, Tensor mask) {
    if (inputs.table().dim(1) != inputSize || inputs.shape().length != 2) {
      throw new IllegalArgumentException("cell.run: embeddings of size " + inputs.table().dim(1) + " and ids shaped "
          + Shapes.toString(inputs.shape()) + " do not match input size " + inputSize);
    }
    return runProjected(fwd, inputs.project(fwd, weightIh, biasIh), initial, mask);
  }

  /** The recurrence over input projections {@code xp [B, T, G·H]}. */
  private SequenceResult runProjected(Forward fwd, Tensor xp, CellState initial, Tensor mask) {
    int batch = xp.dim(0);
    int time = xp.dim(1);
    if (mask != null && (mask.rank() != 2 || mask.dim(0) != batch || mask.dim(1) != time)) {
      throw Shapes.mismatch("cell.run(mask)", xp, mask);
    }
    Tensor combined = new FusedUnroll(fwd, gates, hiddenSize, xp, initial, mask, weightHh, biasHh).run();
    int outputs = batch * time * hiddenSize;
    Tensor out = Shaping.reshape(fwd, Shaping.slice(fwd, combined, 0, 0, outputs), batch, time, hiddenSize);
    List<Tensor> last = GateStep.unpack(fwd, combined, gates.stateParts(), new int[] {batch, hiddenSize}, outputs);
    return new SequenceResult(out, new CellState(last));
  }
}

package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Arithmetic;
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
 * {@code weight_hh [G·H, H]}, {@code bias_ih}, {@code bias_hh} for G gate blocks, and the two
 * drivers that run a cell's element-wise kernel.
 *
 * <p>Every step needs {@code xp = x_t·W_ihᵀ + b_ih} and {@code hp = h·W_hhᵀ + b_hh}; what a
 * cell does with them (gates, non-linearities, the state update) is its <em>step kernel</em>:
 * {@link #forwardKernel} and {@link #backwardKernel} on plain arrays, one compact row per
 * sentence. {@link #step} wraps the kernel in one autodiff node; {@link #run} hands it to
 * {@link SequenceUnroll}, which projects all inputs with one GEMM, steps only the sentences
 * that are not padding at each time step, and turns the weight gradient into one GEMM over
 * the whole sequence.
 */
abstract class ProjectedCell implements RecurrentCell {

  private final int inputSize;
  protected final int hiddenSize;
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
    p.put("weight_ih", weightIh);
    p.put("weight_hh", weightHh);
    p.put("bias_ih", biasIh);
    p.put("bias_hh", biasHh);
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

  /** Number of gate blocks G: rows of the weights are {@code G·H}. */
  final int gates() {
    return gates;
  }

  /** Number of state tensors (1 for h, 2 for an LSTM's h and c). */
  abstract int stateParts();

  /** Floats per row that {@link #forwardKernel} keeps for {@link #backwardKernel}. */
  abstract int savedWidth();

  /**
   * The element-wise forward of one step for {@code rows} compact rows.
   *
   * @param nl the pass's non-linearity kernels
   * @param xp input projections; row r starts at {@code xp[xRow[r]]} ({@code G·H} floats)
   * @param hp hidden projections {@code [rows, G·H]}
   * @param prev the previous state parts, each {@code [rows, H]}
   * @param next written: the next state parts, each {@code [rows, H]}
   * @param saved written: {@code [rows, savedWidth()]} for the backward pass
   */
  abstract void forwardKernel(Nonlinear nl, int rows, float[] xp, int[] xRow, float[] hp, float[][] prev, float[][] next,
                              float[] saved);

  /**
   * The element-wise backward of one step.
   *
   * @param dNext gradients of the next state parts, each {@code [rows, H]}
   * @param dxp accumulated into: gradient of the input projections at rows {@code xRow[r]}
   * @param dhp written: gradient of the hidden projections {@code [rows, G·H]}
   * @param dPrev written: the direct part of the previous state's gradient (the part through
   *     {@code hp} is added by the driver), each {@code [rows, H]}
   */
  abstract void backwardKernel(int rows, float[][] dNext, float[] saved, float[][] prev,
                               float[] dxp, int[] xRow, float[] dhp, float[][] dPrev);

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

  @Override
  public CellState step(Forward fwd, Tensor x, CellState state) {
    if (x.rank() != 2 || x.dim(1) != inputSize) {
      throw new IllegalArgumentException("cell step: input " + Shapes.toString(x.shape()) + " does not match input size "
          + inputSize);
    }
    int batch = x.dim(0);
    int parts = stateParts();
    Tensor xp = Linear.linear(fwd, x, weightIh, biasIh);
    Tensor hp = Linear.linear(fwd, state.output(), weightHh, biasHh);
    float[][] prev = new float[parts][];
    for (int p = 0; p < parts; p++) {
      prev[p] = state.part(p).data();
    }
    int[] xRow = new int[batch];
    for (int r = 0; r < batch; r++) {
      xRow[r] = r * gates * hiddenSize;
    }
    int size = batch * hiddenSize;
    float[] all = fwd.floats(parts * size);
    float[][] next = new float[parts][];
    for (int p = 0; p < parts; p++) {
      next[p] = fwd.floats(size);
    }
    float[] saved = fwd.floats(batch * savedWidth());
    forwardKernel(fwd.kernels().nonlinear(), batch, xp.data(), xRow, hp.data(), prev, next, saved);
    for (int p = 0; p < parts; p++) {
      System.arraycopy(next[p], 0, all, p * size, size);
    }
    Tensor[] inputs = new Tensor[parts + 2];
    inputs[0] = xp;
    inputs[1] = hp;
    for (int p = 0; p < parts; p++) {
      inputs[p + 2] = state.part(p);
    }
    Tensor combined = fwd.record("cell.step", Tensor.of(all, parts * size), (g, into) -> {
      float[][] dNext = new float[parts][];
      float[][] dPrev = new float[parts][];
      for (int p = 0; p < parts; p++) {
        dNext[p] = fwd.copyOfRange(g, p * size, (p + 1) * size);
        dPrev[p] = fwd.floats(size);
      }
      float[] dhp = fwd.floats(batch * gates * hiddenSize);
      float[] dxp = into.wants(xp) ? into.of(xp) : fwd.floats(xp.size());
      backwardKernel(batch, dNext, saved, prev, dxp, xRow, dhp, dPrev);
      if (into.wants(hp)) {
        Arithmetic.addInto(into.of(hp), dhp);
      }
      for (int p = 0; p < parts; p++) {
        if (into.wants(state.part(p))) {
          Arithmetic.addInto(into.of(state.part(p)), dPrev[p]);
        }
      }
    }, inputs);
    return new CellState(unpack(fwd, combined, parts, new int[] {batch, hiddenSize}, 0));
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
    Tensor combined = new SequenceUnroll(fwd, this, xp, initial, mask, weightHh, biasHh).run();
    int outputs = batch * time * hiddenSize;
    Tensor out = Shaping.reshape(fwd, Shaping.slice(fwd, combined, 0, 0, outputs), batch, time, hiddenSize);
    List<Tensor> last = unpack(fwd, combined, stateParts(), new int[] {batch, hiddenSize}, outputs);
    return new SequenceResult(out, new CellState(last));
  }

  /** Cuts {@code parts} consecutive tensors of {@code shape} out of a flat tensor, from {@code offset}. */
  private static List<Tensor> unpack(Forward fwd, Tensor flat, int parts, int[] shape, int offset) {
    int size = Shapes.size(shape);
    List<Tensor> out = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = offset + p * size;
      out.add(Shaping.reshape(fwd, Shaping.slice(fwd, flat, 0, from, from + size), shape));
    }
    return out;
  }
}

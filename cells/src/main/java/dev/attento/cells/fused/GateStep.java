package dev.attento.cells.fused;

import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GateFunction} applied to given pre-activations as one autodiff op: one time step
 * without the projections. {@link FusedCell#step} is the projections followed by this op, and
 * {@link dev.attento.cells.kit.GateFunctionCheck} checks a gate function's derivative through it.
 */
public final class GateStep {

  private GateStep() {}

  /**
   * One step of {@code gates}.
   *
   * @param xp input pre-activations {@code [B, G·H]}
   * @param hp recurrent pre-activations {@code [B, G·H]}
   * @param prev the previous state, {@link GateFunction#stateParts()} parts of {@code [B, H]}
   * @return the next state; differentiable with respect to {@code xp}, {@code hp} and every part of {@code prev}
   */
  public static CellState apply(Forward fwd, GateFunction gates, Tensor xp, Tensor hp, CellState prev) {
    int parts = gates.stateParts();
    if (prev.size() != parts || prev.output().rank() != 2) {
      throw new IllegalArgumentException("gate step: a state of " + parts + " parts [B, H] expected, got "
          + prev.size() + " parts of " + Shapes.toString(prev.output().shape()));
    }
    int batch = prev.output().dim(0);
    int hidden = prev.output().dim(1);
    int width = gates.gates() * hidden;
    for (Tensor t : List.of(xp, hp)) {
      if (t.rank() != 2 || t.dim(0) != batch || t.dim(1) != width) {
        throw new IllegalArgumentException("gate step: pre-activations " + Shapes.toString(t.shape()) + " do not match ["
            + batch + ", " + width + "] (" + gates.gates() + " gates of " + hidden + ")");
      }
    }
    float[][] prevData = new float[parts][];
    for (int p = 0; p < parts; p++) {
      prevData[p] = prev.part(p).data();
      if (prev.part(p).size() != batch * hidden) {
        throw Shapes.mismatch("gate step(state part " + p + ")", prev.output(), prev.part(p));
      }
    }
    int size = batch * hidden;
    float[][] next = new float[parts][];
    for (int p = 0; p < parts; p++) {
      next[p] = fwd.floats(size);
    }
    float[] saved = fwd.floats(batch * gates.savedWidth(hidden));
    gates.forward(fwd.kernels().nonlinear(), batch, hidden, xp.data(), hp.data(), prevData, next, saved);
    float[] all = fwd.floats(parts * size);
    for (int p = 0; p < parts; p++) {
      System.arraycopy(next[p], 0, all, p * size, size);
    }
    Tensor[] inputs = new Tensor[parts + 2];
    inputs[0] = xp;
    inputs[1] = hp;
    for (int p = 0; p < parts; p++) {
      inputs[p + 2] = prev.part(p);
    }
    Tensor combined = fwd.record("cell.step", Tensor.of(all, parts * size), (g, into) -> {
      float[][] dNext = new float[parts][];
      float[][] dPrev = new float[parts][];
      for (int p = 0; p < parts; p++) {
        dNext[p] = fwd.copyOfRange(g, p * size, (p + 1) * size);
        dPrev[p] = fwd.floats(size);
      }
      float[] dxp = fwd.floats(batch * width);
      float[] dhp = fwd.floats(batch * width);
      gates.backward(batch, hidden, dNext, saved, prevData, dxp, dhp, dPrev);
      if (into.wants(xp)) {
        Arithmetic.addInto(into.of(xp), dxp);
      }
      if (into.wants(hp)) {
        Arithmetic.addInto(into.of(hp), dhp);
      }
      for (int p = 0; p < parts; p++) {
        if (into.wants(prev.part(p))) {
          Arithmetic.addInto(into.of(prev.part(p)), dPrev[p]);
        }
      }
    }, inputs);
    return new CellState(unpack(fwd, combined, parts, new int[] {batch, hidden}, 0));
  }

  /** Cuts {@code parts} consecutive tensors of {@code shape} out of a flat tensor, from {@code offset}. */
  static List<Tensor> unpack(Forward fwd, Tensor flat, int parts, int[] shape, int offset) {
    int size = Shapes.size(shape);
    List<Tensor> out = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = offset + p * size;
      out.add(Shaping.reshape(fwd, Shaping.slice(fwd, flat, 0, from, from + size), shape));
    }
    return out;
  }
}

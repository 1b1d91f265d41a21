package dev.attento.cells;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Elman cell with a chosen fault, for testing what the conformance kit catches. Without
 * faults (factor 1, no flags) it is a correct cell.
 *
 * @param inputGradientFactor the input passes through an identity whose backward multiplies
 *     the gradient by this: with 1.01 the input's gradient is 1% off everywhere, nothing else is
 * @param constantWeights every weight 0.1 (a failure of the initialisation statistics)
 * @param recurrentOffTape the recurrent product computed off the tape, so no gradient reaches
 *     {@code weight_hh}
 */
record FaultyElmanProvider(float inputGradientFactor, boolean constantWeights, boolean recurrentOffTape)
    implements CellProvider {

  /** A cell whose only fault is an input gradient scaled by {@code factor}. */
  static FaultyElmanProvider scaledInputGradient(float factor) {
    return new FaultyElmanProvider(factor, false, false);
  }

  @Override
  public String name() {
    return "faulty";
  }

  @Override
  public String description() {
    return "test cell with a chosen fault";
  }

  @Override
  public List<CellOption> options() {
    return List.of();
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    int h = spec.hiddenSize();
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight_ih", Tensor.zeros(h, spec.inputSize()));
    p.put("weight_hh", Tensor.zeros(h, h));
    p.put("bias", Tensor.zeros(h));
    for (Tensor t : List.of(p.get("weight_ih"), p.get("weight_hh"))) {
      double scale = 1.7 / Math.sqrt(t.dim(1));
      for (int i = 0; i < t.size(); i++) {
        t.data()[i] = constantWeights ? 0.1f : (float) ((spec.random().nextDouble() - 0.5) * scale);
      }
    }
    return new RecurrentCell() {
      @Override
      public int inputSize() {
        return spec.inputSize();
      }

      @Override
      public int hiddenSize() {
        return h;
      }

      @Override
      public Map<String, Tensor> parameters() {
        return p;
      }

      @Override
      public CellState initialState(int batch) {
        return CellState.of(Tensor.zeros(batch, h));
      }

      @Override
      public CellState step(Forward fwd, Tensor x, CellState state) {
        Forward recurrentPass = recurrentOffTape ? fwd.withoutTape() : fwd;
        Tensor pre = Arithmetic.add(fwd, Linear.linear(fwd, scaledBackward(fwd, x), p.get("weight_ih"), p.get("bias")),
            Linear.linear(recurrentPass, state.output(), p.get("weight_hh"), null));
        return CellState.of(Activations.tanh(fwd, pre));
      }

      private Tensor scaledBackward(Forward fwd, Tensor x) {
        return fwd.record("scaledBackward", Tensor.of(x.data().clone(), x.shape()), (g, into) -> {
          float[] gx = into.of(x);
          for (int i = 0; i < g.length; i++) {
            gx[i] += g[i] * inputGradientFactor;
          }
        }, x);
      }
    };
  }
}

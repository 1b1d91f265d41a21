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
 * An Elman cell for testing the conformance kit's precision: its input passes through an
 * identity whose backward multiplies the gradient by {@code factor}, so with 1.01 the input's
 * gradient is 1% off everywhere (and nothing else is); with 1.0 it is a correct cell. The weights may also be made
 * constant, to test the initialisation statistics.
 */
final class ScaledGradientProvider implements CellProvider {

  private final float factor;
  private final boolean constantWeights;

  ScaledGradientProvider(float factor, boolean constantWeights) {
    this.factor = factor;
    this.constantWeights = constantWeights;
  }

  @Override
  public String name() {
    return "scaled";
  }

  @Override
  public String description() {
    return "test cell whose backward is scaled";
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
        Tensor pre = Arithmetic.add(fwd, Linear.linear(fwd, scaledBackward(fwd, x), p.get("weight_ih"), p.get("bias")),
            Linear.linear(fwd, state.output(), p.get("weight_hh"), null));
        return CellState.of(Activations.tanh(fwd, pre));
      }

      private Tensor scaledBackward(Forward fwd, Tensor x) {
        return fwd.record("scaledBackward", Tensor.of(x.data().clone(), x.shape()), (g, into) -> {
          float[] gx = into.of(x);
          for (int i = 0; i < g.length; i++) {
            gx[i] += g[i] * factor;
          }
        }, x);
      }
    };
  }
}

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

/** A deliberately wrong cell for testing the conformance kit: W_hh gets no gradient. */
final class BrokenGradientProvider implements CellProvider {

  @Override
  public String name() {
    return "broken";
  }

  @Override
  public String description() {
    return "test cell with a wrong backward";
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
    for (Tensor t : p.values()) {
      for (int i = 0; i < t.size(); i++) {
        t.data()[i] = (float) (spec.random().nextDouble() - 0.5);
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
        // The bug: the recurrent product is computed off the tape, so no gradient reaches W_hh.
        Tensor recurrent = Linear.linear(fwd.withoutTape(), state.output(), p.get("weight_hh"), null);
        return CellState.of(Activations.tanh(fwd, Arithmetic.add(fwd, Linear.linear(fwd, x, p.get("weight_ih"), null),
            recurrent)));
      }
    };
  }
}

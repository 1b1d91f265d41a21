package dev.attento.cells.builtin;

import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Provides {@code lstm}: long short-term memory in PyTorch's layout. */
public final class LstmProvider implements CellProvider {

  @Override
  public String name() {
    return "lstm";
  }

  @Override
  public String description() {
    return "LSTM with forget gate, gates i,f,g,o as nn.LSTM (Hochreiter & Schmidhuber 1997; Gers et al. 2000)";
  }

  @Override
  public List<CellOption> options() {
    return BuiltinOptions.withInit("orthogonal",
        new CellOption("forget_bias", "1.0", "initial bias of the forget gate (Jozefowicz et al. 2015)"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    FusedCell cell = BuiltinOptions.fusedCell(spec, LstmGates.INSTANCE);
    int h = spec.hiddenSize();
    java.util.Arrays.fill(cell.biasIh().data(), h, 2 * h, spec.floatOption("forget_bias"));
    return cell;
  }
}

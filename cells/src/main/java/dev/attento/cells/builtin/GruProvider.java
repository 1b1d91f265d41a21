package dev.attento.cells.builtin;

import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Provides {@code gru}: the gated recurrent unit in PyTorch's layout. */
public final class GruProvider implements CellProvider {

  @Override
  public String name() {
    return "gru";
  }

  @Override
  public String description() {
    return "GRU, gates r,z,n as nn.GRU (Cho et al. 2014)";
  }

  @Override
  public List<CellOption> options() {
    return BuiltinOptions.withInit("orthogonal",
        new CellOption("update_bias", "1.0", "initial bias of the update gate z (leans towards carrying the state)"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    FusedCell cell = BuiltinOptions.fusedCell(spec, GruGates.INSTANCE);
    int h = spec.hiddenSize();
    java.util.Arrays.fill(cell.biasIh().data(), h, 2 * h, spec.floatOption("update_bias"));
    return cell;
  }
}

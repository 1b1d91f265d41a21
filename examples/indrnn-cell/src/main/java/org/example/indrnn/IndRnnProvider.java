package org.example.indrnn;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Registers the {@code indrnn} cell with Attento (see META-INF/services). */
public final class IndRnnProvider implements CellProvider {

  @Override
  public String name() {
    return "indrnn";
  }

  @Override
  public String description() {
    return "Independently recurrent network, ReLU with |u| <= bound (Li et al. 2018)";
  }

  @Override
  public List<CellOption> options() {
    return List.of(
        new CellOption("input_init", "xavier_uniform", "initialiser of the input weights (Initializers.byName)"),
        new CellOption("recurrent_bound", "1.0",
            "the constraint |u| <= bound on the recurrent weights, applied after each optimizer step"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    return new IndRnnCell(spec);
  }
}

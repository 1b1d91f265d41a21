package org.example.fused;

import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.fused.GateFunction;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initializers;
import java.util.Arrays;
import java.util.List;

/**
 * What the two providers share: a {@link FusedCell} of a gate function, initialisers chosen by
 * option, and the initial bias of the gate in block 1 (the LSTM's forget gate, the GRU's update
 * gate), which leans the new cell towards keeping its state.
 */
abstract class GateFunctionProvider implements CellProvider {

  private final String name;
  private final String description;
  private final GateFunction gates;
  private final String biasOption;

  GateFunctionProvider(String name, String description, GateFunction gates, String biasOption) {
    this.name = name;
    this.description = description;
    this.gates = gates;
    this.biasOption = biasOption;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<CellOption> options() {
    return List.of(
        new CellOption("input_init", "xavier_uniform", "initialiser of weight_ih (Initializers.byName)"),
        new CellOption("recurrent_init", "orthogonal", "initialiser of weight_hh, per gate block"),
        new CellOption(biasOption, "1.0", "initial bias of gate block 1"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    FusedCell cell = new FusedCell(spec, gates, Initializers.byName(spec.option("input_init")),
        Initializers.byName(spec.option("recurrent_init")));
    int h = spec.hiddenSize();
    Arrays.fill(cell.biasIh().data(), h, 2 * h, spec.floatOption(biasOption));
    return cell;
  }
}

package org.example.lnlstm;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Registers the {@code lnlstm} cell with Attento (see META-INF/services). */
public final class LayerNormLstmProvider implements CellProvider {

  @Override
  public String name() {
    return "lnlstm";
  }

  @Override
  public String description() {
    return "LSTM with layer normalisation of its gates and cell (Ba, Kiros & Hinton 2016)";
  }

  @Override
  public List<CellOption> options() {
    return List.of(
        new CellOption("input_init", "xavier_uniform", "initialiser of the input weights (Initializers.byName)"),
        new CellOption("recurrent_init", "orthogonal", "initialiser of the recurrent weights (Initializers.byName)"),
        new CellOption("forget_bias", "1.0", "initial bias of the forget gate"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    return new LayerNormLstmCell(spec);
  }
}

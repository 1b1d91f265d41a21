package dev.attento.cells.builtin;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Provides {@code rnn}: the Elman network with tanh, ReLU or leaky ReLU. */
public final class ElmanProvider implements CellProvider {

  @Override
  public String name() {
    return "rnn";
  }

  @Override
  public String description() {
    return "Elman RNN, h' = act(W_ih x + W_hh h + b) (Elman 1990); use recurrent_init=identity with relu for IRNN";
  }

  @Override
  public List<CellOption> options() {
    return BuiltinOptions.withInit("orthogonal",
        new CellOption("activation", "tanh", "tanh | relu | leaky_relu"),
        new CellOption("leaky_slope", "0.01", "negative slope of leaky_relu"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    return BuiltinOptions.fusedCell(spec, ElmanGates.of(spec));
  }
}

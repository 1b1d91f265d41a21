package dev.attento.cells.builtin;

import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.fused.GateFunction;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellSpec;
import dev.attento.core.init.Initializers;
import java.util.ArrayList;
import java.util.List;

/** Option names and defaults shared by the built-in cells. */
final class BuiltinOptions {

  static final String INPUT_INIT = "input_init";
  static final String RECURRENT_INIT = "recurrent_init";

  private BuiltinOptions() {}

  /** The initialisation options every built-in cell accepts, followed by {@code extra}. */
  static List<CellOption> withInit(String recurrentDefault, CellOption... extra) {
    List<CellOption> options = new ArrayList<>();
    options.add(new CellOption(INPUT_INIT, "xavier_uniform",
        "initialiser of weight_ih (Glorot & Bengio 2010), e.g. xavier_uniform, he_normal, uniform:0.1"));
    options.add(new CellOption(RECURRENT_INIT, recurrentDefault,
        "initialiser of weight_hh, per gate block: orthogonal[:gain] (Saxe et al. 2014), identity[:scale] (IRNN), ..."));
    options.addAll(List.of(extra));
    return List.copyOf(options);
  }

  /** A cell of {@code gates} with the weights initialised as the {@code *_init} options say and zero biases. */
  static FusedCell fusedCell(CellSpec spec, GateFunction gates) {
    return new FusedCell(spec, gates, Initializers.byName(spec.option(INPUT_INIT)),
        Initializers.byName(spec.option(RECURRENT_INIT)));
  }
}

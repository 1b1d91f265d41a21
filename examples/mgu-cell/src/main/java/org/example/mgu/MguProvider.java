package org.example.mgu;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.util.List;

/** Registers the {@code mgu} cell with Attento (see META-INF/services). */
public final class MguProvider implements CellProvider {

  @Override
  public String name() {
    return "mgu";
  }

  @Override
  public String description() {
    return "Minimal Gated Unit, a single forget gate (Zhou et al. 2016)";
  }

  @Override
  public List<CellOption> options() {
    return List.of(
        new CellOption("forget_bias", "1.0", "initial bias of the forget gate"),
        new CellOption("init_scale", "1.0", "weights start uniform in ±scale/√fan_in"));
  }

  @Override
  public RecurrentCell create(CellSpec spec) {
    return new MguCell(spec);
  }
}

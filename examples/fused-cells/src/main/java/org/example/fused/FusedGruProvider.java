package org.example.fused;

/** Registers {@code fused-gru}: a GRU written as a gate function on the fast path. */
public final class FusedGruProvider extends GateFunctionProvider {

  /** The provider ServiceLoader constructs. */
  public FusedGruProvider() {
    super("fused-gru", "GRU as a plugin on the fast path (dev.attento.cells.fused), gates r,z,n as nn.GRU",
        new GruGateFunction(), "update_bias");
  }
}

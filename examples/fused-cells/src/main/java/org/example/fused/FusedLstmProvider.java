package org.example.fused;

/** Registers {@code fused-lstm}: an LSTM written as a gate function on the fast path. */
public final class FusedLstmProvider extends GateFunctionProvider {

  /** The provider ServiceLoader constructs. */
  public FusedLstmProvider() {
    super("fused-lstm", "LSTM as a plugin on the fast path (dev.attento.cells.fused), gates i,f,g,o as nn.LSTM",
        new LstmGateFunction(), "forget_bias");
  }
}

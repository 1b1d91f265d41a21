package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * What the encoder hands the decoder.
 *
 * @param states top-layer outputs {@code [batch, srcLen, encoderOutputSize]}
 * @param mask {@code [batch, srcLen]}: 1 for real tokens, 0 for padding
 * @param finalStates per layer, the state after each sequence's last real token, already
 *     brought to the decoder's hidden size (bidirectional states are bridged)
 */
public record EncoderOutput(Tensor states, Tensor mask, List<CellState> finalStates) {

  /** The top layer's final output: the fixed context vector of a decoder without attention. */
  public Tensor summary() {
    return finalStates.get(finalStates.size() - 1).output();
  }
}

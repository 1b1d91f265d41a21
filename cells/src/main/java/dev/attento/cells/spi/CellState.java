package dev.attento.cells.spi;

import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * The recurrent state after a step: one or more {@code [batch, hidden]} tensors, the first of
 * which is the cell's output {@code h_t} (an LSTM carries {@code (h, c)}, a GRU or Elman RNN
 * just {@code h}). Encoders and decoders treat the rest as opaque, which is what lets any
 * plugin cell slot in.
 *
 * @param parts the state tensors, output first
 */
public record CellState(List<Tensor> parts) {

  public CellState {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a cell state needs at least the output tensor");
    }
    parts = List.copyOf(parts);
  }

  /** A state of the given tensors, output first. */
  public static CellState of(Tensor... parts) {
    return new CellState(List.of(parts));
  }

  /** The output {@code h_t}, {@code [batch, hidden]}. */
  public Tensor output() {
    return parts.get(0);
  }

  /** The {@code i}-th state tensor. */
  public Tensor part(int i) {
    return parts.get(i);
  }

  /** Number of state tensors. */
  public int size() {
    return parts.size();
  }
}

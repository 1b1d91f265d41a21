package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Row selections of the recurrent states of a stack of layers, which both decoder states need. */
final class CellStates {

  private CellStates() {}

  /** Rows {@code rows} (in order, repeats allowed) of every part of every layer's state. */
  static List<CellState> select(Forward fwd, List<CellState> layers, int[] rows) {
    return map(layers, t -> IndexSelect.rows(fwd, t, rows));
  }

  /** The first {@code rows} rows of every part of every layer's state. */
  static List<CellState> prefix(Forward fwd, List<CellState> layers, int rows) {
    return map(layers, t -> Shaping.slice(fwd, t, 0, 0, rows));
  }

  /** The rows of {@code first} followed by those of {@code second}, part by part and layer by layer. */
  static List<CellState> join(Forward fwd, List<CellState> first, List<CellState> second) {
    if (first.size() != second.size()) {
      throw new IllegalArgumentException("join: states of " + first.size() + " and " + second.size() + " layers");
    }
    List<CellState> out = new ArrayList<>(first.size());
    for (int l = 0; l < first.size(); l++) {
      List<Tensor> parts = new ArrayList<>(first.get(l).size());
      for (int p = 0; p < first.get(l).size(); p++) {
        parts.add(Shaping.concat(fwd, 0, first.get(l).part(p), second.get(l).part(p)));
      }
      out.add(new CellState(parts));
    }
    return out;
  }

  private static List<CellState> map(List<CellState> layers, UnaryOperator<Tensor> f) {
    List<CellState> out = new ArrayList<>(layers.size());
    for (CellState s : layers) {
      List<Tensor> parts = new ArrayList<>(s.size());
      for (Tensor p : s.parts()) {
        parts.add(f.apply(p));
      }
      out.add(new CellState(parts));
    }
    return out;
  }
}

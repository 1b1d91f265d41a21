package dev.attento.cells.diagnostics;

import java.util.Map;

/** How diagnostics name a cell setting in tables and charts: {@code rnn activation=relu}. */
final class CellLabel {

  private CellLabel() {}

  /** The cell name followed by its options as {@code key=value}, in the map's order. */
  static String of(String cell, Map<String, String> options) {
    StringBuilder label = new StringBuilder(cell);
    options.forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
    return label.toString();
  }
}

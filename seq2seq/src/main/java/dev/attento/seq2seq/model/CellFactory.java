package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;

/**
 * Makes the recurrent cells of encoder and decoder layers. Bound by Guice to the cell
 * registry (so any registered cell, plugins included, can be used), and easy to replace
 * with a mock in wiring tests.
 */
@FunctionalInterface
public interface CellFactory {

  /** A fresh cell reading {@code inputSize} features into a {@code hiddenSize} state. */
  RecurrentCell create(int inputSize, int hiddenSize);
}

package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Makes the recurrent cells of encoder and decoder layers. Bound by Guice to the cell
 * registry (so any registered cell, plugins included, can be used), and easy to replace
 * with a mock in wiring tests.
 */
@FunctionalInterface
public interface CellFactory {

  /**
   * A fresh cell reading {@code inputSize} features into a {@code hiddenSize} state.
   *
   * @param random the generator the cell initialises its parameters from (derived from the
   *     run's seed and the cell's place in the model)
   */
  RecurrentCell create(int inputSize, int hiddenSize, UniformRandomProvider random);
}

package dev.attento.cells.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of recurrent cell, found by {@link java.util.ServiceLoader}. Implementations need a
 * public no-argument constructor and must be cheap to construct: the registry instantiates
 * every provider it finds just to list them.
 */
public interface CellProvider {

  /** What a valid {@link #name()} looks like: lower case, digits, '-' and '_'. */
  Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]*$");

  /** The name users select the cell by, e.g. {@code lstm}; must match {@link #NAME}. */
  String name();

  /** One line saying what the cell is, with a reference if it comes from a paper. */
  String description();

  /** The options {@link #create} understands; any other option is rejected. */
  List<CellOption> options();

  /**
   * Builds a cell with freshly initialised parameters. The spec's options have already been
   * checked against {@link #options()} and completed with defaults.
   */
  RecurrentCell create(CellSpec spec);
}

package dev.attento.cells;

/** A cell that cannot be found or built; the message names the cell, and the jar and class where known. */
public final class CellRegistryException extends IllegalArgumentException {

  /** An error with a complete message. */
  public CellRegistryException(String message) {
    super(message);
  }
}

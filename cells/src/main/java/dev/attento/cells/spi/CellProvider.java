package dev.attento.cells.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of recurrent cell, found by {@link java.util.ServiceLoader}. Implementations need a
 * public no-argument constructor and must be cheap to construct: the registry instantiates
 * every provider it finds just to list them.
 *
 * <p><b>Versioning.</b> The SPI — the packages {@code dev.attento.cells.spi},
 * {@code dev.attento.cells.fused} and {@code dev.attento.cells.kit}, and the parts of the core
 * they use — has the version {@link #SPI_VERSION}, {@code MAJOR.MINOR}. A plugin jar declares
 * the version it was built for in its manifest ({@link #SPI_VERSION_ATTRIBUTE}; a jar without
 * the attribute counts as {@code 1.0}). The promise: an Attento whose SPI is {@code M.m} loads
 * every plugin built for {@code M.k} with {@code k ≤ m} — a minor version only adds (a class, a
 * default method, an op) — and refuses, with one line naming the jar and both versions, a
 * plugin built for another major version or for a newer minor one.
 */
public interface CellProvider {

  /**
   * The version of this SPI, {@code MAJOR.MINOR}. 1.1 added {@link CellSpec#initialise()}
   * (a cell about to be loaded from a checkpoint need not draw its weights).
   */
  String SPI_VERSION = "1.1";

  /** The manifest attribute in which a plugin jar declares the SPI version it was built for. */
  String SPI_VERSION_ATTRIBUTE = "Attento-Cell-SPI-Version";

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

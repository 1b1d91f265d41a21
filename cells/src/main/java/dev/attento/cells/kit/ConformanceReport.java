package dev.attento.cells.kit;

import java.util.List;

/**
 * The outcome of {@link CellConformance#check}: one line per property.
 *
 * @param cell the cell name
 * @param results every property checked, in order
 */
public record ConformanceReport(String cell, List<PropertyResult> results) {

  /**
   * One checked property.
   *
   * @param property what was checked, e.g. {@code gradients}
   * @param passed whether it held
   * @param detail the measured discrepancy or what went wrong
   */
  public record PropertyResult(String property, boolean passed, String detail) {}

  /** Whether every property held. */
  public boolean passed() {
    return results.stream().allMatch(PropertyResult::passed);
  }

  /** A readable report, one line per property. */
  public String describe() {
    StringBuilder sb = new StringBuilder("conformance of cell '" + cell + "':");
    for (PropertyResult r : results) {
      sb.append(System.lineSeparator()).append(r.passed() ? "  ok    " : "  FAIL  ")
          .append(String.format("%-16s", r.property())).append(' ').append(r.detail());
    }
    return sb.toString();
  }

  /** Throws an {@link AssertionError} with {@link #describe()} unless every property held. */
  public ConformanceReport assertPassed() {
    if (!passed()) {
      throw new AssertionError(describe());
    }
    return this;
  }
}

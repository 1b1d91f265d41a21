package dev.attento.cells.spi;

/**
 * An option a cell accepts, with its default and a one-line help text.
 *
 * @param name option key, e.g. {@code activation}
 * @param defaultValue the value used when the user gives none
 * @param description help text shown by {@code attento cells list}
 */
public record CellOption(String name, String defaultValue, String description) {}

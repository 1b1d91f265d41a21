/**
 * The service-provider interface for recurrent cells: everything a plugin author needs, and
 * nothing else. A plugin is a jar containing a {@link dev.attento.cells.spi.CellProvider}
 * implementation listed in {@code META-INF/services/dev.attento.cells.spi.CellProvider};
 * Attento finds it with {@link java.util.ServiceLoader} on the class path or in a plugin
 * directory. The types here are kept small and stable: a provider (name, description,
 * options, factory), the {@link dev.attento.cells.spi.CellSpec} it builds from, the
 * {@link dev.attento.cells.spi.RecurrentCell} it builds and the
 * {@link dev.attento.cells.spi.CellState} that cell carries from step to step. A cell that is
 * element-wise in two projections can instead be a gate function on the fast path,
 * {@link dev.attento.cells.fused}. The SPI's version and compatibility promise are stated on
 * {@link dev.attento.cells.spi.CellProvider}.
 */
package dev.attento.cells.spi;

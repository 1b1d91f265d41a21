/**
 * The fast path for recurrent cells, public for plugins: a cell whose step is element-wise in
 * its two projections {@code xp = x·W_ihᵀ + b_ih}, {@code hp = h·W_hhᵀ + b_hh} and its state is
 * written as a {@link dev.attento.cells.fused.GateFunction} (the forward and backward of one
 * step on plain arrays) and run by a {@link dev.attento.cells.fused.FusedCell}, which projects a
 * whole sequence's inputs in one GEMM, multiplies by the packed {@code W_hh} per step for the
 * sentences not yet ended, and runs the unrolled backward pass. The built-in LSTM, GRU and RNN
 * are gate functions on it. {@link dev.attento.cells.kit.GateFunctionCheck} checks a gate
 * function's derivative against finite differences. Part of the cell SPI
 * ({@link dev.attento.cells.spi.CellProvider#SPI_VERSION}).
 */
package dev.attento.cells.fused;

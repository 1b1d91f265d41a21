package dev.attento.cells.fused;

import dev.attento.core.kernels.Nonlinear;

/**
 * The element-wise part of a recurrent cell whose pre-activations are two affine projections,
 * {@code xp = x·W_ihᵀ + b_ih} and {@code hp = h·W_hhᵀ + b_hh} with {@code G·H} columns each
 * (G gate blocks of H units): what a cell does with them, one time step, on plain arrays. A
 * {@link FusedCell} does everything else — the projections (all time steps' inputs in one GEMM,
 * the recurrent product per step over packed weights), skipping padded sentences, and the
 * backward pass through the whole sequence, calling {@link #backward} per step — so a cell
 * written as a gate function trains as fast as the built-in LSTM and GRU, which are written
 * this way.
 *
 * <p>Every array is <em>compact</em>: row {@code r} of a {@code [rows, W]} array starts at
 * {@code r·W}. Arrays may be longer than {@code rows·W} (the driver reuses them from step to
 * step); read and write only the first {@code rows} rows. State part 0 is the output {@code h}.
 * The two methods are pure functions of their arguments: keep no state between calls (one
 * gate function serves several passes on several threads at once) and put what
 * {@link #backward} needs from the forward step into {@code saved}.
 *
 * <p>{@link dev.attento.cells.kit.GateFunctionCheck} checks {@link #backward} against finite
 * differences of {@link #forward}.
 */
public interface GateFunction {

  /** Number of gate blocks G: the weights have {@code G·H} rows, {@code xp} and {@code hp} {@code G·H} columns. */
  int gates();

  /** Number of state parts, each {@code [batch, H]}: 1 for {@code h}, 2 for an LSTM's {@code (h, c)}. */
  int stateParts();

  /** Floats per row that {@link #forward} keeps in {@code saved} for {@link #backward}, for hidden size {@code h}. */
  int savedWidth(int hidden);

  /**
   * One step forward for {@code rows} rows.
   *
   * @param nl the pass's vectorised σ and tanh over array ranges (use them: scalar exponentials
   *     cost a quarter of an LSTM's training time)
   * @param hidden H
   * @param xp input pre-activations {@code [rows, G·H]}; read only
   * @param hp recurrent pre-activations {@code [rows, G·H]}; read only
   * @param prev the previous state parts, each {@code [rows, H]}; read only
   * @param next written: the next state parts, each {@code [rows, H]}
   * @param saved written: {@code [rows, savedWidth(H)]}, handed back to {@link #backward}
   */
  void forward(Nonlinear nl, int rows, int hidden, float[] xp, float[] hp, float[][] prev, float[][] next,
               float[] saved);

  /**
   * One step backward: from the gradients of the next state, the gradients of the step's
   * inputs. Every output array is <em>written</em> (not accumulated into); the driver adds
   * them where they belong.
   *
   * @param dNext gradients of the next state parts, each {@code [rows, H]}; read only
   * @param saved what {@link #forward} saved for these rows; read only
   * @param prev the previous state parts the forward step read; read only
   * @param dxp written: ∂loss/∂xp {@code [rows, G·H]}
   * @param dhp written: ∂loss/∂hp {@code [rows, G·H]}
   * @param dPrev written: the <em>direct</em> gradient of each previous state part
   *     {@code [rows, H]} (the part that flows through {@code hp} into {@code h} is added by the
   *     driver; write 0 where the part reaches the step only through {@code hp})
   */
  void backward(int rows, int hidden, float[][] dNext, float[] saved, float[][] prev, float[] dxp, float[] dhp,
                float[][] dPrev);
}

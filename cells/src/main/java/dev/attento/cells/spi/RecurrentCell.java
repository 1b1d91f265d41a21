package dev.attento.cells.spi;

import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Masking;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recurrent cell: {@code state_t = step(x_t, state_{t-1})}, differentiable through the
 * core's autodiff. Only {@link #step} is required; {@link #run} unrolls it over a padded
 * batch and may be overridden with a faster whole-sequence kernel (e.g. one GEMM for all
 * input projections), as long as it computes the same values.
 *
 * <p>Every method that computes takes the {@link Forward} context of the pass it belongs to
 * and hands it to each op: whether the pass is recorded for back-propagation, the kernels,
 * and the dropout generator all come from there, never from anywhere else. A cell holds only
 * its parameters, so one cell can run in several passes, on several threads, at once.
 */
public interface RecurrentCell {

  /** Features of each input step. */
  int inputSize();

  /** Size of the hidden state and of the output. */
  int hiddenSize();

  /**
   * The trainable parameters by name, in a stable order. Built-in cells follow PyTorch's
   * names ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh}) so weights
   * move between the two. These are the tensors a trainer watches and updates.
   */
  Map<String, Tensor> parameters();

  /** The state before the first step: zeros of shape {@code [batch, hidden]}, typically. */
  CellState initialState(int batch);

  /**
   * One time step.
   *
   * @param x input {@code [batch, inputSize]}
   * @param state the previous state
   * @return the next state; its {@link CellState#output()} is {@code h_t}
   */
  CellState step(Forward fwd, Tensor x, CellState state);

  /**
   * Runs the cell over a padded batch of sequences.
   *
   * @param inputs {@code [batch, time, inputSize]}
   * @param initial the state before step 0
   * @param mask {@code [batch, time]} with 1 for real steps and 0 for padding, or {@code null}
   *     if nothing is padded; at a padded step the state is carried over unchanged, so the
   *     final state is the one after each sequence's last real token
   * @return outputs {@code [batch, time, hidden]} and the final state
   */
  default SequenceResult run(Forward fwd, Tensor inputs, CellState initial, Tensor mask) {
    Shapes.requireRank("cell.run", inputs, 3);
    int time = inputs.dim(1);
    CellState state = initial;
    List<Tensor> outputs = new ArrayList<>(time);
    for (int t = 0; t < time; t++) {
      CellState next = step(fwd, Shaping.select(fwd, inputs, 1, t), state);
      if (mask != null) {
        Tensor keep = Shaping.select(fwd, mask, 1, t);
        List<Tensor> parts = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
          parts.add(Masking.where(fwd, keep, next.part(i), state.part(i)));
        }
        next = new CellState(parts);
      }
      state = next;
      outputs.add(state.output());
    }
    return new SequenceResult(Shaping.stack(fwd, 1, outputs), state);
  }

  /**
   * Runs the cell over token embeddings not yet looked up: what the first layer of an encoder
   * passes. The default looks them up and calls {@link #run(Forward, Tensor, CellState, Tensor)};
   * a cell that starts by projecting its inputs should override it with
   * {@link EmbeddedTokens#project}, which may project the (small) table instead of every token.
   */
  default SequenceResult run(Forward fwd, EmbeddedTokens inputs, CellState initial, Tensor mask) {
    return run(fwd, inputs.lookup(fwd), initial, mask);
  }

  /**
   * A constraint on the cell's parameters, applied in place after each optimizer step: the
   * trainer calls it for every cell of the model once the optimizer has updated the weights
   * and before the next forward pass (and never during one). The default does nothing.
   *
   * <p>Use it for what gradient descent cannot express: IndRNN's bound on its recurrent
   * weights, |u| ≤ bound (Li et al. 2018), a max-norm on a weight's rows, a non-negative
   * gain. Change parameter values only (never their shapes or which tensors
   * {@link #parameters()} returns), and keep it deterministic: a resumed run must reach the
   * same weights.
   */
  default void afterOptimizerStep() {}

  /**
   * Outputs of a whole sequence and the final state.
   *
   * @param outputs {@code [batch, time, hidden]}
   * @param last the state after the last real step of each sequence
   */
  record SequenceResult(Tensor outputs, CellState last) {}
}

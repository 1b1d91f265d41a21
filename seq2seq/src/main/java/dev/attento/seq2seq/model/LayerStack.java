package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initialization;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Dropout;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacked recurrent layers, as the encoder and both decoders use them: dropout between layers
 * and, optionally, residual connections (He et al. 2016) that add a layer's input — as the
 * layer saw it, after dropout — to its output wherever the sizes agree.
 *
 * <p>In a bidirectional stack (Schuster &amp; Paliwal 1997) every layer also reads each
 * sequence right to left <em>within its own length</em>, so padding stays at the end, and its
 * output is the two directions concatenated ({@code [B, T, 2H]}).
 */
final class LayerStack {

  private final List<RecurrentCell> forward = new ArrayList<>();
  private final List<RecurrentCell> backward = new ArrayList<>();
  private final boolean residual;
  private final float dropout;

  /**
   * Whole sequences through the stack.
   *
   * @param outputs the top layer's outputs {@code [B, T, H]} ({@code 2H} if bidirectional)
   * @param forwardFinals per layer, the left-to-right state after each sequence's last real token
   * @param backwardFinals per layer, the right-to-left final state (empty if unidirectional)
   */
  record Run(Tensor outputs, List<CellState> forwardFinals, List<CellState> backwardFinals) {}

  /**
   * @param inputSize features of the first layer's input
   * @param namedByDirection name the cells {@code layerN.forward} (and {@code layerN.backward})
   *     rather than {@code layerN}
   * @param bidirectional whether each layer also reads right to left
   * @param init the initialisation of the stack's place in the model
   * @param parameters where the cells' parameters are registered
   */
  LayerStack(ModelConfig config, CellFactory factory, int inputSize, boolean namedByDirection, boolean bidirectional,
             Initialization init, NamedParameters parameters) {
    this.residual = config.residual();
    this.dropout = config.dropout();
    int width = config.hiddenSize() * (bidirectional ? 2 : 1);
    for (int l = 0; l < config.layers(); l++) {
      int in = l == 0 ? inputSize : width;
      String name = "layer" + l;
      forward.add(cell(factory, in, config.hiddenSize(), init, namedByDirection ? name + ".forward" : name, parameters));
      if (bidirectional) {
        backward.add(cell(factory, in, config.hiddenSize(), init, name + ".backward", parameters));
      }
    }
  }

  private static RecurrentCell cell(CellFactory factory, int in, int hidden, Initialization init, String name,
                                    NamedParameters parameters) {
    RecurrentCell c = factory.create(in, hidden, init.random(name));
    parameters.addAll(name, c.parameters());
    return c;
  }

  /** Every cell of the stack: the left-to-right ones by layer, then the right-to-left ones. */
  List<RecurrentCell> cells() {
    List<RecurrentCell> all = new ArrayList<>(forward);
    all.addAll(backward);
    return List.copyOf(all);
  }

  /** Number of layers. */
  int size() {
    return forward.size();
  }

  /** Number of tensors in each layer's state (2 for an LSTM's h and c). */
  int stateParts() {
    return forward.get(0).initialState(1).size();
  }

  /** One step through every layer of a left-to-right stack; returns each layer's new state. */
  List<CellState> step(Forward fwd, Tensor x, List<CellState> states) {
    List<CellState> next = new ArrayList<>(forward.size());
    Tensor input = x;
    for (int l = 0; l < forward.size(); l++) {
      Tensor in = l == 0 ? input : Dropout.dropout(fwd, input, dropout);
      CellState s = forward.get(l).step(fwd, in, states.get(l));
      next.add(s);
      input = connect(fwd, l, in, s.output());
    }
    return next;
  }

  /**
   * Sequences through every layer, the first reading token embeddings (which its cells may
   * project through the table, see {@link EmbeddedTokens#project}).
   *
   * @param initial per layer, the left-to-right initial state, or {@code null} for zeros
   * @param mask {@code [B, T]}: 1 at real tokens, 0 at padding (its steps are skipped), or {@code null}
   * @param reversal for a bidirectional stack, the permutation of the {@code B·T} steps that
   *     reverses each sequence within its length (its own inverse); else {@code null}
   */
  Run run(Forward fwd, EmbeddedTokens tokens, List<CellState> initial, Tensor mask, int[] reversal) {
    return run(fwd, tokens, null, initial, mask, reversal);
  }

  /** Sequences {@code [B, T, inputSize]} through every layer; see {@link #run(Forward, EmbeddedTokens, List, Tensor, int[])}. */
  Run run(Forward fwd, Tensor inputs, List<CellState> initial, Tensor mask, int[] reversal) {
    return run(fwd, null, inputs, initial, mask, reversal);
  }

  private Run run(Forward fwd, EmbeddedTokens tokens, Tensor inputs, List<CellState> initial, Tensor mask,
                  int[] reversal) {
    int batch = tokens != null ? tokens.shape()[0] : inputs.dim(0);
    List<CellState> forwardFinals = new ArrayList<>();
    List<CellState> backwardFinals = new ArrayList<>();
    Tensor x = inputs;
    for (int l = 0; l < forward.size(); l++) {
      boolean fromTokens = l == 0 && tokens != null;
      Tensor in = l == 0 ? x : Dropout.dropout(fwd, x, dropout);
      RecurrentCell cell = forward.get(l);
      CellState start = initial == null ? cell.initialState(batch) : initial.get(l);
      RecurrentCell.SequenceResult ltr = fromTokens ? cell.run(fwd, tokens, start, mask) : cell.run(fwd, in, start, mask);
      Tensor out = ltr.outputs();
      forwardFinals.add(ltr.last());
      if (!backward.isEmpty()) {
        RecurrentCell back = backward.get(l);
        RecurrentCell.SequenceResult rtl = fromTokens
            ? back.run(fwd, reversed(tokens, reversal), back.initialState(batch), mask)
            : back.run(fwd, permuteSteps(fwd, in, reversal), back.initialState(batch), mask);
        out = Shaping.concat(fwd, 2, out, permuteSteps(fwd, rtl.outputs(), reversal));
        backwardFinals.add(rtl.last());
      }
      x = l == 0 ? out : connect(fwd, l, in, out);
    }
    return new Run(x, forwardFinals, backwardFinals);
  }

  private Tensor connect(Forward fwd, int layer, Tensor in, Tensor out) {
    boolean skip = residual && layer > 0 && in.dim(-1) == out.dim(-1);
    return skip ? Arithmetic.add(fwd, out, in) : out;
  }

  /** Reorders the time steps of {@code [B, T, D]} by a permutation of the B·T rows. */
  private static Tensor permuteSteps(Forward fwd, Tensor x, int[] rows) {
    int[] shape = x.shape();
    Tensor flat = Shaping.reshape(fwd, x, shape[0] * shape[1], shape[2]);
    return Shaping.reshape(fwd, IndexSelect.rows(fwd, flat, rows), shape);
  }

  /** The same tokens with their steps reordered by {@code rows}: no lookup needed. */
  private static EmbeddedTokens reversed(EmbeddedTokens tokens, int[] rows) {
    int[] ids = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ids[i] = tokens.ids()[rows[i]];
    }
    return new EmbeddedTokens(tokens.table(), ids, tokens.shape());
  }
}

package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder turns the previous target token's embedding and its state into the vector the
 * output layer reads. Two kinds exist: {@link FixedContextDecoder} (the source squeezed into
 * one vector) and {@link AttentionDecoder} (a fresh context at every step); each has its own
 * {@link DecoderState} type.
 */
public interface Decoder {

  /** Size of the vector handed to the output layer. */
  int outputSize();

  /** Every recurrent cell of the decoder (for post-step constraints and for pinning plugins). */
  List<RecurrentCell> cells();

  /** The decoder's parameters, named. */
  NamedParameters parameters();

  /** The state before the first target token, from the encoder's output. */
  DecoderState start(Forward fwd, EncoderOutput encoded);

  /**
   * One step.
   *
   * @param input embedding of the previous target token {@code [batch, embeddingSize]}
   * @param state a state this decoder made
   */
  Step step(Forward fwd, Tensor input, DecoderState state);

  /**
   * Teacher forcing over a whole target sequence. The default runs {@link #step} for each
   * position; decoders whose steps do not depend on their own outputs override it with a
   * whole-sequence computation.
   *
   * <p>Sentences that have ended need no more steps: their outputs are padding, which the
   * loss ignores. The default therefore steps only the rows up to the last one still running,
   * dropping finished rows from the end of the batch (in chunks, since each drop copies the
   * state) — most effective when rows are sorted by decreasing length, as
   * {@link Translator#loss} does. Outputs of dropped rows are zeros.
   *
   * @param inputs embeddings of BOS + target tokens, ids shaped {@code [batch, time]}
   * @param lengths per row, the number of target positions that count (target + EOS), or
   *     {@code null} if every row runs to the end
   */
  default Unrolled unroll(Forward fwd, EmbeddedTokens inputs, int[] lengths, DecoderState start) {
    Tensor embedded = inputs.lookup(fwd);
    int batch = embedded.dim(0);
    int time = embedded.dim(1);
    List<Tensor> outputs = new ArrayList<>(time);
    List<Tensor> weights = new ArrayList<>(time);
    DecoderState state = start;
    int live = batch;
    for (int t = 0; t < time; t++) {
      int needed = rowsStillRunning(lengths, t, batch);
      if (needed == 0) {
        // Every sentence has ended: the remaining outputs are padding.
        Tensor zeros = Tensor.zeros(batch, outputs.get(0).dim(1));
        outputs.addAll(java.util.Collections.nCopies(time - t, zeros));
        if (!weights.isEmpty()) {
          weights.addAll(java.util.Collections.nCopies(time - t, Tensor.zeros(batch, weights.get(0).dim(1))));
        }
        break;
      }
      if (needed < live && live - needed >= Math.max(4, live / 8)) {
        state = state.prefix(fwd, needed);
        live = needed;
      }
      Tensor input = Shaping.select(fwd, embedded, 1, t);
      Step s = step(fwd, live < batch ? Shaping.slice(fwd, input, 0, 0, live) : input, state);
      outputs.add(padRows(fwd, s.output(), batch));
      if (s.attention() != null) {
        weights.add(padRows(fwd, s.attention(), batch));
      }
      state = s.next();
    }
    return new Unrolled(Shaping.stack(fwd, 1, outputs), weights.isEmpty() ? null : Shaping.stack(fwd, 1, weights));
  }

  /** One more than the last row whose target is longer than {@code t} (0 if none is). */
  private static int rowsStillRunning(int[] lengths, int t, int batch) {
    if (lengths == null) {
      return batch;
    }
    for (int b = batch - 1; b >= 0; b--) {
      if (lengths[b] > t) {
        return b + 1;
      }
    }
    return 0;
  }

  /** {@code x [n, d]} followed by zero rows up to {@code [batch, d]}. */
  private static Tensor padRows(Forward fwd, Tensor x, int batch) {
    return x.dim(0) == batch ? x : Shaping.concat(fwd, 0, x, Tensor.zeros(batch - x.dim(0), x.dim(1)));
  }

  /**
   * The result of one step.
   *
   * @param output {@code [batch, outputSize]}
   * @param next the state for the next step
   * @param attention weights over source positions {@code [batch, srcLen]}, or {@code null}
   *     for a decoder without attention
   */
  record Step(Tensor output, DecoderState next, Tensor attention) {}

  /**
   * The result of teacher forcing.
   *
   * @param outputs {@code [batch, time, outputSize]}
   * @param attention {@code [batch, time, srcLen]}, or {@code null} without attention
   */
  record Unrolled(Tensor outputs, Tensor attention) {}
}

package dev.attento.seq2seq.model;

import dev.attento.attention.Attention;
import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a decoder carries from one step to the next.
 *
 * @param layers the recurrent state of each decoder layer
 * @param feed the previous attentional vector h̃_{t-1} for input feeding, or {@code null}
 * @param context the fixed context vector fed at each step, or {@code null}
 * @param source the encoder states prepared for attention, or {@code null}
 */
public record DecoderState(List<CellState> layers, Tensor feed, Tensor context, Attention.PreparedSource source) {

  /**
   * The state of the given batch rows, in the given order (a row may repeat): how beam
   * search follows the surviving hypotheses.
   */
  public DecoderState select(int[] rows) {
    List<CellState> picked = new ArrayList<>(layers.size());
    for (CellState s : layers) {
      List<Tensor> parts = new ArrayList<>(s.size());
      for (Tensor p : s.parts()) {
        parts.add(IndexSelect.rows(p, rows));
      }
      picked.add(new CellState(parts));
    }
    Attention.PreparedSource src = source == null ? null : new Attention.PreparedSource(
        IndexSelect.rows(source.states(), rows), IndexSelect.rows(source.mask(), rows),
        IndexSelect.rows(source.keys(), rows));
    return new DecoderState(picked, pick(feed, rows), pick(context, rows), src);
  }

  /**
   * The state of the first {@code rows} batch rows: how teacher forcing drops sentences that
   * have ended from the end of a length-sorted batch.
   */
  public DecoderState prefix(int rows) {
    List<CellState> kept = new ArrayList<>(layers.size());
    for (CellState s : layers) {
      List<Tensor> parts = new ArrayList<>(s.size());
      for (Tensor p : s.parts()) {
        parts.add(Shaping.slice(p, 0, 0, rows));
      }
      kept.add(new CellState(parts));
    }
    Attention.PreparedSource src = source == null ? null : new Attention.PreparedSource(
        Shaping.slice(source.states(), 0, 0, rows), Shaping.slice(source.mask(), 0, 0, rows),
        Shaping.slice(source.keys(), 0, 0, rows));
    return new DecoderState(kept, head(feed, rows), head(context, rows), src);
  }

  private static Tensor head(Tensor t, int rows) {
    return t == null ? null : Shaping.slice(t, 0, 0, rows);
  }

  private static Tensor pick(Tensor t, int[] rows) {
    return t == null ? null : IndexSelect.rows(t, rows);
  }
}

package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.attention.Attention;
import dev.attento.cells.spi.CellState;
import dev.attento.core.init.Initialization;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The attentional decoder of Luong et al. 2015 (§3): at each step the top layer's state
 * h_t queries the encoder states through any {@link Attention} mechanism, and the
 * attentional vector {@code h̃_t = tanh(W_c [c_t; h_t])} (eq. 5) feeds the output layer.
 * With input feeding (§3.3) h̃_{t-1} is concatenated to the next input, so the model knows
 * what it attended to before.
 */
public final class AttentionDecoder implements Decoder {

  /**
   * The attentional decoder's state.
   *
   * @param layers the recurrent state of each layer
   * @param feed the previous attentional vector h̃_{t-1} ({@code [B, H]}, zeros before the
   *     first step), fed back when input feeding is on
   * @param source the encoder states prepared for attention
   * @param sourceRows for each row, the sentence (encoder row) whose states {@code source} holds
   *     in that row: a {@link #select} that leaves every row on its sentence (beam search reordering
   *     the beams of each sentence) keeps {@code source} instead of copying it, which took a tenth
   *     of a small model's beam-search time
   */
  public record State(List<CellState> layers, Tensor feed, Attention.PreparedSource source, int[] sourceRows)
      implements DecoderState {

    /** A state whose row {@code r} holds sentence {@code r}. */
    public State(List<CellState> layers, Tensor feed, Attention.PreparedSource source) {
      this(layers, feed, source, identity(feed.dim(0)));
    }

    @Override
    public State select(Forward fwd, int[] rows) {
      int[] from = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        from[i] = sourceRows[rows[i]];
      }
      Attention.PreparedSource selected = Arrays.equals(from, sourceRows) ? source
          : new Attention.PreparedSource(IndexSelect.rows(fwd, source.states(), rows),
              IndexSelect.rows(fwd, source.mask(), rows), IndexSelect.rows(fwd, source.keys(), rows));
      return new State(CellStates.select(fwd, layers, rows), IndexSelect.rows(fwd, feed, rows), selected, from);
    }

    @Override
    public State prefix(Forward fwd, int rows) {
      return new State(CellStates.prefix(fwd, layers, rows), Shaping.slice(fwd, feed, 0, 0, rows),
          new Attention.PreparedSource(Shaping.slice(fwd, source.states(), 0, 0, rows),
              Shaping.slice(fwd, source.mask(), 0, 0, rows), Shaping.slice(fwd, source.keys(), 0, 0, rows)),
          Arrays.copyOf(sourceRows, rows));
    }

    @Override
    public State join(Forward fwd, DecoderState other) {
      if (!(other instanceof State o)) {
        throw new IllegalArgumentException("join: an attention state cannot take " + other.getClass().getSimpleName());
      }
      int[] rows = Arrays.copyOf(sourceRows, sourceRows.length + o.sourceRows.length);
      int sentences = source.states().dim(0);
      for (int i = 0; i < o.sourceRows.length; i++) {
        rows[sourceRows.length + i] = sentences + o.sourceRows[i];
      }
      return new State(CellStates.join(fwd, layers, o.layers), Shaping.concat(fwd, 0, feed, o.feed),
          source.joined(fwd, o.source), rows);
    }

    private static int[] identity(int rows) {
      int[] r = new int[rows];
      for (int i = 0; i < rows; i++) {
        r[i] = i;
      }
      return r;
    }
  }

  private final LayerStack layers;
  private final Attention attention;
  private final boolean inputFeeding;
  private final int hidden;
  private final Tensor combineWeight;
  private final Tensor combineBias;
  private final NamedParameters parameters = new NamedParameters();

  /**
   * Builds the decoder layers and the attentional layer for {@code config}.
   *
   * @param init the initialisation of the decoder's place in the model ({@code decoder})
   */
  public AttentionDecoder(ModelConfig config, CellFactory cells, Attention attention, Initialization init) {
    this.attention = attention;
    this.inputFeeding = config.inputFeeding();
    this.hidden = config.hiddenSize();
    int input = config.embeddingSize() + (inputFeeding ? hidden : 0);
    this.layers = new LayerStack(config, cells, input, false, false, init, parameters);
    parameters.addAll("attention", attention.parameters());
    this.combineWeight = init.parameter("combine.weight", Initializers.linear(), hidden,
        config.encoderOutputSize() + hidden);
    this.combineBias = Tensor.zeros(hidden);
    parameters.add("combine.weight", combineWeight);
    parameters.add("combine.bias", combineBias);
  }

  @Override
  public int outputSize() {
    return hidden;
  }

  @Override
  public List<RecurrentCell> cells() {
    return layers.cells();
  }

  @Override
  public NamedParameters parameters() {
    return parameters;
  }

  @Override
  public State start(Forward fwd, EncoderOutput encoded) {
    Attention.PreparedSource source = attention.prepare(fwd, encoded.states(), encoded.mask());
    return new State(encoded.finalStates(), Tensor.zeros(encoded.states().dim(0), hidden), source);
  }

  @Override
  public Step step(Forward fwd, Tensor input, DecoderState state) {
    if (!(state instanceof State s)) {
      throw new IllegalArgumentException("attention decoder: not its state: " + state.getClass().getSimpleName());
    }
    Tensor x = inputFeeding ? Shaping.concat(fwd, 1, input, s.feed()) : input;
    List<CellState> next = layers.step(fwd, x, s.layers());
    Tensor h = next.get(next.size() - 1).output();
    Attention.Result attended = attention.attend(fwd, h, s.source());
    Tensor combined = Activations.tanh(fwd,
        Linear.linear(fwd, Shaping.concat(fwd, 1, attended.context(), h), combineWeight, combineBias));
    return new Step(combined, new State(next, combined, s.source(), s.sourceRows()), attended.weights());
  }
}

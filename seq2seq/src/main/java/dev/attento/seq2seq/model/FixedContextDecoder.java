package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.cells.spi.CellState;
import dev.attento.core.init.Initialization;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.IndexSelect;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.List;

/**
 * The decoder without attention: everything it knows about the source is the encoder's final
 * state. Its layers start from the encoder's final states (Sutskever et al. 2014), and with
 * {@code feedContext} the top encoder state is also concatenated to every input (Cho et al.
 * 2014, eq. 4's dependence of s_t on c). Either way one fixed-size vector must carry a whole
 * sentence, which is why quality falls with source length (Bahdanau et al. 2014, Fig. 2).
 *
 * <p>No step depends on a previous step's output vector, so teacher forcing runs each layer
 * over the whole sequence at once.
 */
public final class FixedContextDecoder implements Decoder {

  /**
   * The fixed-context decoder's state.
   *
   * @param layers the recurrent state of each layer
   * @param context the encoder's summary of the source {@code [B, H]}, the same at every step
   */
  public record State(List<CellState> layers, Tensor context) implements DecoderState {

    @Override
    public State select(Forward fwd, int[] rows) {
      return new State(CellStates.select(fwd, layers, rows), IndexSelect.rows(fwd, context, rows));
    }

    @Override
    public State join(Forward fwd, DecoderState other) {
      if (!(other instanceof State o)) {
        throw new IllegalArgumentException("join: a fixed-context state cannot take " + other.getClass().getSimpleName());
      }
      return new State(CellStates.join(fwd, layers, o.layers), Shaping.concat(fwd, 0, context, o.context));
    }

    @Override
    public State prefix(Forward fwd, int rows) {
      return new State(CellStates.prefix(fwd, layers, rows), Shaping.slice(fwd, context, 0, 0, rows));
    }
  }

  private final LayerStack layers;
  private final boolean feedContext;
  private final int hidden;
  private final NamedParameters parameters = new NamedParameters();

  /**
   * Builds the decoder layers for {@code config}.
   *
   * @param init the initialisation of the decoder's place in the model ({@code decoder})
   */
  public FixedContextDecoder(ModelConfig config, CellFactory cells, Initialization init) {
    this.feedContext = config.feedContext();
    this.hidden = config.hiddenSize();
    int input = config.embeddingSize() + (feedContext ? config.hiddenSize() : 0);
    this.layers = new LayerStack(config, cells, input, false, false, init, parameters);
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
    return new State(encoded.finalStates(), encoded.summary());
  }

  @Override
  public Step step(Forward fwd, Tensor input, DecoderState state) {
    if (!(state instanceof State s)) {
      throw new IllegalArgumentException("fixed-context decoder: not its state: " + state.getClass().getSimpleName());
    }
    Tensor x = feedContext ? Shaping.concat(fwd, 1, input, s.context()) : input;
    List<CellState> next = layers.step(fwd, x, s.layers());
    Tensor h = next.get(next.size() - 1).output();
    return new Step(h, new State(next, s.context()), null);
  }

  @Override
  public Unrolled unroll(Forward fwd, EmbeddedTokens inputs, int[] lengths, DecoderState start) {
    if (!(start instanceof State s)) {
      throw new IllegalArgumentException("fixed-context decoder: not its state: " + start.getClass().getSimpleName());
    }
    int batch = inputs.shape()[0];
    int time = inputs.shape()[1];
    Tensor mask = lengthMask(lengths, batch, time);
    if (!feedContext) {
      return new Unrolled(layers.run(fwd, inputs, s.layers(), mask, null).outputs(), null);
    }
    Tensor repeated = Shaping.stack(fwd, 1, Collections.nCopies(time, s.context()));
    Tensor x = Shaping.concat(fwd, 2, inputs.lookup(fwd), repeated);
    return new Unrolled(layers.run(fwd, x, s.layers(), mask, null).outputs(), null);
  }

  /**
   * 1 for the positions that count, 0 after each row's end: cells then skip the padding (the
   * outputs there are ignored by the loss, whatever they are), or {@code null} for no lengths.
   */
  private static Tensor lengthMask(int[] lengths, int batch, int time) {
    if (lengths == null) {
      return null;
    }
    float[] m = new float[batch * time];
    for (int b = 0; b < batch; b++) {
      java.util.Arrays.fill(m, b * time, b * time + Math.min(time, lengths[b]), 1f);
    }
    return Tensor.of(m, batch, time);
  }
}

package dev.attento.seq2seq.model;

import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

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

  private final LayerStack layers;
  private final boolean feedContext;
  private final int hidden;
  private final NamedParameters parameters = new NamedParameters();

  /** Builds the decoder layers for {@code config}. */
  public FixedContextDecoder(ModelConfig config, CellFactory cells) {
    this.feedContext = config.feedContext();
    this.hidden = config.hiddenSize();
    int input = config.embeddingSize() + (feedContext ? config.hiddenSize() : 0);
    this.layers = new LayerStack(config, cells, input, parameters);
  }

  @Override
  public int outputSize() {
    return hidden;
  }

  @Override
  public NamedParameters parameters() {
    return parameters;
  }

  @Override
  public DecoderState start(EncoderOutput encoded) {
    return new DecoderState(encoded.finalStates(), null, feedContext ? encoded.summary() : null, null);
  }

  @Override
  public Step step(Tensor input, DecoderState state, boolean training, UniformRandomProvider random) {
    Tensor x = feedContext ? Shaping.concat(1, input, state.context()) : input;
    List<CellState> next = layers.step(x, state.layers(), training, random);
    Tensor h = next.get(next.size() - 1).output();
    return new Step(h, new DecoderState(next, null, state.context(), null), null);
  }

  @Override
  public Unrolled unroll(Tensor inputs, int[] lengths, DecoderState start, boolean training,
                         UniformRandomProvider random) {
    Tensor x = inputs;
    if (feedContext) {
      Tensor repeated = Shaping.stack(1, Collections.nCopies(inputs.dim(1), start.context()));
      x = Shaping.concat(2, inputs, repeated);
    }
    return new Unrolled(layers.run(x, start.layers(), lengthMask(lengths, inputs.dim(0), inputs.dim(1)), training,
        random), null);
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

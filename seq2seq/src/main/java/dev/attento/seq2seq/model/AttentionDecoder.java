package dev.attento.seq2seq.model;

import dev.attento.attention.Attention;
import dev.attento.cells.spi.CellState;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The attentional decoder of Luong et al. 2015 (§3): at each step the top layer's state
 * h_t queries the encoder states through any {@link Attention} mechanism, and the
 * attentional vector {@code h̃_t = tanh(W_c [c_t; h_t])} (eq. 5) feeds the output layer.
 * With input feeding (§3.3) h̃_{t-1} is concatenated to the next input, so the model knows
 * what it attended to before.
 */
public final class AttentionDecoder implements Decoder {

  private final LayerStack layers;
  private final Attention attention;
  private final boolean inputFeeding;
  private final int hidden;
  private final Tensor combineWeight;
  private final Tensor combineBias;
  private final NamedParameters parameters = new NamedParameters();

  /** Builds the decoder layers and the attentional layer for {@code config}. */
  public AttentionDecoder(ModelConfig config, CellFactory cells, Attention attention, UniformRandomProvider random) {
    this.attention = attention;
    this.inputFeeding = config.inputFeeding();
    this.hidden = config.hiddenSize();
    int input = config.embeddingSize() + (inputFeeding ? hidden : 0);
    this.layers = new LayerStack(config, cells, input, parameters);
    parameters.addAll("attention", attention.parameters());
    this.combineWeight = Parameters.linearWeight(random, hidden, config.encoderOutputSize() + hidden);
    this.combineBias = Parameters.zeros(hidden);
    parameters.add("combine.weight", combineWeight);
    parameters.add("combine.bias", combineBias);
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
    Attention.PreparedSource source = attention.prepare(encoded.states(), encoded.mask());
    Tensor feed = inputFeeding ? Tensor.zeros(encoded.states().dim(0), hidden) : null;
    return new DecoderState(encoded.finalStates(), feed, null, source);
  }

  @Override
  public Step step(Tensor input, DecoderState state, boolean training, UniformRandomProvider random) {
    Tensor x = inputFeeding ? Shaping.concat(1, input, state.feed()) : input;
    List<CellState> next = layers.step(x, state.layers(), training, random);
    Tensor h = next.get(next.size() - 1).output();
    Attention.Result attended = attention.attend(h, state.source());
    Tensor combined = Activations.tanh(
        Linear.linear(Shaping.concat(1, attended.context(), h), combineWeight, combineBias));
    DecoderState after = new DecoderState(next, inputFeeding ? combined : null, null, state.source());
    return new Step(combined, after, attended.weights());
  }
}

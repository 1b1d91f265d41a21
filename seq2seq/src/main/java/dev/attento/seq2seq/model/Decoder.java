package dev.attento.seq2seq.model;

import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A decoder turns the previous target token's embedding and its state into the vector the
 * output layer reads. Two kinds exist: {@link FixedContextDecoder} (the source squeezed into
 * one vector) and {@link AttentionDecoder} (a fresh context at every step).
 */
public interface Decoder {

  /** Size of the vector handed to the output layer. */
  int outputSize();

  /** The decoder's parameters, named. */
  NamedParameters parameters();

  /** The state before the first target token, from the encoder's output. */
  DecoderState start(EncoderOutput encoded);

  /**
   * One step.
   *
   * @param input embedding of the previous target token {@code [batch, embeddingSize]}
   */
  Step step(Tensor input, DecoderState state, boolean training, UniformRandomProvider random);

  /**
   * Teacher forcing over a whole target sequence. The default runs {@link #step} for each
   * position; decoders whose steps do not depend on their own outputs override it with a
   * whole-sequence computation.
   *
   * @param inputs embeddings of BOS + target tokens {@code [batch, time, embeddingSize]}
   */
  default Unrolled unroll(Tensor inputs, DecoderState start, boolean training, UniformRandomProvider random) {
    int time = inputs.dim(1);
    List<Tensor> outputs = new ArrayList<>(time);
    List<Tensor> weights = new ArrayList<>(time);
    DecoderState state = start;
    for (int t = 0; t < time; t++) {
      Step s = step(Shaping.select(inputs, 1, t), state, training, random);
      outputs.add(s.output());
      if (s.attention() != null) {
        weights.add(s.attention());
      }
      state = s.next();
    }
    return new Unrolled(Shaping.stack(1, outputs), weights.isEmpty() ? null : Shaping.stack(1, weights));
  }

  /**
   * The result of one step.
   *
   * @param output {@code [batch, outputSize]}
   * @param next the state for the next step
   * @param attention weights over source positions {@code [batch, srcLen]}, or {@code null}
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

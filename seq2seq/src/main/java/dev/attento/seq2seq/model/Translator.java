package dev.attento.seq2seq.model;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.init.Initialization;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.CrossEntropy;
import dev.attento.core.ops.Dropout;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Embedding;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Reductions;
import dev.attento.core.ops.Shaping;
import dev.attento.core.ops.Softmax;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.data.TargetBatch;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An encoder–decoder translator (Sutskever et al. 2014; Bahdanau et al. 2014): encoder,
 * target embeddings, a {@link Decoder} and the output layer. Which decoder (fixed context or
 * attention) and which cells are decided by the Guice modules that compose it, not here.
 *
 * <p>Two ways in: {@link #loss} for training (teacher forcing), and {@link #start} +
 * {@link #step} for decoding, which is all that greedy and beam search use. Every call takes
 * the {@link Forward} context of its pass; the translator holds nothing but its parameters.
 */
public final class Translator {

  private final ModelConfig config;
  private final Encoder encoder;
  private final Decoder decoder;
  private final Tensor targetEmbedding;
  private final Tensor outputWeight;
  private final Tensor outputBias;
  private final NamedParameters parameters = new NamedParameters();

  /**
   * One decoding step's outcome.
   *
   * @param logProbs log-probabilities of the next token {@code [rows, targetVocab]}
   * @param attention weights over the source positions {@code [rows, srcLen]}, or {@code null}
   *     for a model without attention
   * @param next the state for the following step
   */
  public record Prediction(Tensor logProbs, Tensor attention, DecoderState next) {}

  /**
   * Assembles a translator from its parts; the target embedding and output layer are made
   * here (tied if the config says so).
   *
   * @param init the initialisation of the whole model
   */
  public Translator(ModelConfig config, Encoder encoder, Decoder decoder, Initialization init) {
    this.config = config;
    this.encoder = encoder;
    this.decoder = decoder;
    this.targetEmbedding = init.parameter("decoder.embedding", Initializers.uniform(0.1), config.targetVocab(),
        config.embeddingSize());
    if (config.tieEmbeddings()) {
      if (decoder.outputSize() != config.embeddingSize()) {
        throw new IllegalArgumentException("model config: tied embeddings need hidden size "
            + decoder.outputSize() + " to equal embedding size " + config.embeddingSize());
      }
      this.outputWeight = targetEmbedding;
    } else {
      this.outputWeight = init.parameter("output.weight", Initializers.linear(), config.targetVocab(),
          decoder.outputSize());
    }
    this.outputBias = Tensor.zeros(config.targetVocab());
    parameters.addAll("encoder", encoder.parameters());
    parameters.add("decoder.embedding", targetEmbedding);
    parameters.addAll("decoder", decoder.parameters());
    if (!config.tieEmbeddings()) {
      parameters.add("output.weight", outputWeight);
    }
    parameters.add("output.bias", outputBias);
  }

  /** The architecture this translator was built from. */
  public ModelConfig config() {
    return config;
  }

  /** The encoder (for diagnostics and tests; decoding goes through {@link #start}). */
  public Encoder encoder() {
    return encoder;
  }

  /** The decoder (for diagnostics and tests; decoding goes through {@link #step}). */
  public Decoder decoder() {
    return decoder;
  }

  /** Every recurrent cell of the model, encoder's first. */
  public List<RecurrentCell> cells() {
    List<RecurrentCell> all = new ArrayList<>(encoder.cells());
    all.addAll(decoder.cells());
    return List.copyOf(all);
  }

  /** All trainable parameters, named. */
  public NamedParameters parameters() {
    return parameters;
  }

  /** Encodes a source batch into the decoder's starting state. */
  public DecoderState start(Forward fwd, SourceBatch source) {
    return decoder.start(fwd, encoder.encode(fwd, source));
  }

  /**
   * One decoding step for every row of a state.
   *
   * @param previous the previous token of each row (BOS at the first step)
   */
  public Prediction step(Forward fwd, int[] previous, DecoderState state) {
    Decoder.Step s = decoder.step(fwd, embedStep(fwd, previous), state);
    return new Prediction(Softmax.logSoftmax(fwd, logits(fwd, s.output())), s.attention(), s.next());
  }

  /**
   * Teacher-forced cross-entropy of a batch, averaged over non-PAD target tokens (the dev
   * loss: no label smoothing).
   */
  public Tensor loss(Forward fwd, SourceBatch source, TargetBatch target) {
    return loss(fwd, source, target, 0);
  }

  /**
   * The training loss: teacher-forced cross-entropy with label smoothing {@code smoothing}
   * (Szegedy et al. 2016; 0: none), averaged over non-PAD target tokens.
   */
  public Tensor loss(Forward fwd, SourceBatch source, TargetBatch target, double smoothing) {
    // Longest targets first, so the decoder can drop ended sentences from the end of the batch.
    int[] lengths = target.lengths(SpecialTokens.PAD);
    int[] order = IntStream.range(0, lengths.length).boxed()
        .sorted(Comparator.comparingInt((Integer b) -> -lengths[b])).mapToInt(Integer::intValue).toArray();
    SourceBatch src = source.permute(order);
    TargetBatch tgt = target.permute(order);
    DecoderState start = start(fwd, src);
    EmbeddedTokens inputs = new EmbeddedTokens(targetEmbedding, tgt.inputs(), new int[] {tgt.batchSize(), tgt.length()});
    Decoder.Unrolled unrolled = decoder.unroll(fwd, inputs, tgt.lengths(SpecialTokens.PAD), start);
    return CrossEntropy.crossEntropy(fwd, logits(fwd, unrolled.outputs()), tgt.outputs(), SpecialTokens.PAD, smoothing);
  }

  /**
   * Teacher forcing with scheduled sampling (Bengio et al. 2015): at each step after the
   * first, each sentence's input is, with probability {@code rate}, the model's own most
   * probable previous token instead of the reference one, so training sees the kind of
   * mistakes decoding will make. Runs step by step; the coin flips draw from the pass's
   * generator.
   *
   * @param smoothing label smoothing, as in {@link #loss(Forward, SourceBatch, TargetBatch, double)}
   */
  public Tensor scheduledSamplingLoss(Forward fwd, SourceBatch source, TargetBatch target, double rate,
                                     double smoothing) {
    int batch = target.batchSize();
    int len = target.length();
    DecoderState state = start(fwd, source);
    List<Tensor> logits = new ArrayList<>(len);
    int[] input = new int[batch];
    for (int t = 0; t < len; t++) {
      for (int b = 0; b < batch; b++) {
        int gold = target.inputs()[b * len + t];
        if (t > 0 && gold != SpecialTokens.PAD && fwd.random().nextDouble() < rate) {
          gold = Reductions.argmax(logits.get(t - 1))[b];
        }
        input[b] = gold;
      }
      Decoder.Step step = decoder.step(fwd, embedStep(fwd, input.clone()), state);
      logits.add(logits(fwd, step.output()));
      state = step.next();
    }
    return CrossEntropy.crossEntropy(fwd, Shaping.stack(fwd, 1, logits), target.outputs(), SpecialTokens.PAD, smoothing);
  }

  /** Embeddings {@code [rows, E]} of one token per row. */
  private Tensor embedStep(Forward fwd, int[] tokens) {
    return Embedding.lookup(fwd, targetEmbedding, tokens, tokens.length);
  }

  /** The target embedding table {@code [targetVocab, E]} (package-private for tests). */
  Tensor targetEmbedding() {
    return targetEmbedding;
  }

  /** Logits over the target vocabulary from decoder outputs {@code [..., outputSize]}. */
  Tensor logits(Forward fwd, Tensor decoderOutput) {
    return Linear.linear(fwd, Dropout.dropout(fwd, decoderOutput, config.dropout()), outputWeight, outputBias);
  }
}

package dev.attento.seq2seq.model;

import dev.attento.core.ops.CrossEntropy;
import dev.attento.core.ops.Dropout;
import dev.attento.core.ops.Embedding;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.WeightCache;
import dev.attento.core.tensor.Tensor;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An encoder–decoder translator (Sutskever et al. 2014; Bahdanau et al. 2014): encoder,
 * target embeddings, a {@link Decoder} and the output layer. Which decoder (fixed context or
 * attention) and which cells are decided by the Guice modules that compose it, not here.
 */
public final class Translator {

  /** Id of the padding token in every vocabulary. */
  public static final int PAD = 0;
  /** Id of the beginning-of-sentence token. */
  public static final int BOS = 1;
  /** Id of the end-of-sentence token. */
  public static final int EOS = 2;

  private final ModelConfig config;
  private final Encoder encoder;
  private final Decoder decoder;
  private final Tensor targetEmbedding;
  private final Tensor outputWeight;
  private final Tensor outputBias;
  private final NamedParameters parameters = new NamedParameters();

  /**
   * Assembles a translator from its parts; the target embedding and output layer are made
   * here (tied if the config says so).
   */
  public Translator(ModelConfig config, Encoder encoder, Decoder decoder, UniformRandomProvider random) {
    this.config = config;
    this.encoder = encoder;
    this.decoder = decoder;
    this.targetEmbedding = Parameters.uniform(random, 0.1f, config.targetVocab(), config.embeddingSize());
    if (config.tieEmbeddings()) {
      if (decoder.outputSize() != config.embeddingSize()) {
        throw new IllegalArgumentException("model config: tied embeddings need hidden size "
            + decoder.outputSize() + " to equal embedding size " + config.embeddingSize());
      }
      this.outputWeight = targetEmbedding;
    } else {
      this.outputWeight = Parameters.linearWeight(random, config.targetVocab(), decoder.outputSize());
    }
    this.outputBias = Parameters.zeros(config.targetVocab());
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

  /** All trainable parameters, named. */
  public NamedParameters parameters() {
    return parameters;
  }

  /** The encoder. */
  public Encoder encoder() {
    return encoder;
  }

  /** The decoder. */
  public Decoder decoder() {
    return decoder;
  }

  /** Embeds target ids {@code [batch, length]} (flat) as {@code [batch, length, E]}. */
  public Tensor embedTargets(int[] ids, int batch, int length) {
    return Embedding.lookup(targetEmbedding, ids, batch, length);
  }

  /** Logits over the target vocabulary from decoder outputs {@code [..., outputSize]}. */
  public Tensor logits(Tensor decoderOutput, boolean training, UniformRandomProvider random) {
    return Linear.linear(Dropout.dropout(decoderOutput, config.dropout(), training, random), outputWeight, outputBias);
  }

  /**
   * Teacher-forced cross-entropy of a batch, averaged over non-PAD target tokens.
   *
   * @param training whether dropout is active
   * @param random generator for dropout
   */
  public Tensor loss(SourceBatch source, TargetBatch target, boolean training, UniformRandomProvider random) {
    // Longest targets first, so the decoder can drop ended sentences from the end of the batch.
    int[] lengths = target.lengths(PAD);
    int[] order = IntStream.range(0, lengths.length).boxed()
        .sorted(Comparator.comparingInt((Integer b) -> -lengths[b])).mapToInt(Integer::intValue).toArray();
    SourceBatch src = source.permute(order);
    TargetBatch tgt = target.permute(order);
    try (WeightCache cache = WeightCache.open()) {
      EncoderOutput encoded = encoder.encode(src, training, random);
      DecoderState start = decoder.start(encoded);
      Tensor inputs = embedTargets(tgt.inputs(), tgt.batchSize(), tgt.length());
      Decoder.Unrolled unrolled = decoder.unroll(inputs, tgt.lengths(PAD), start, training, random);
      Tensor logits = logits(unrolled.outputs(), training, random);
      return CrossEntropy.crossEntropy(logits, tgt.outputs(), PAD);
    }
  }

  /**
   * Teacher forcing with scheduled sampling (Bengio et al. 2015): at each step after the
   * first, each sentence's input is, with probability {@code rate}, the model's own most
   * probable previous token instead of the reference one, so training sees the kind of
   * mistakes decoding will make. Runs step by step.
   */
  public Tensor scheduledSamplingLoss(SourceBatch source, TargetBatch target, double rate,
                                      UniformRandomProvider random) {
    try (WeightCache cache = WeightCache.open()) {
      return scheduledSampling(source, target, rate, random);
    }
  }

  private Tensor scheduledSampling(SourceBatch source, TargetBatch target, double rate, UniformRandomProvider random) {
    int batch = target.batchSize();
    int len = target.length();
    DecoderState state = decoder.start(encoder.encode(source, true, random));
    java.util.List<Tensor> logits = new java.util.ArrayList<>(len);
    int[] input = new int[batch];
    for (int t = 0; t < len; t++) {
      for (int b = 0; b < batch; b++) {
        int gold = target.inputs()[b * len + t];
        if (t > 0 && gold != PAD && random.nextDouble() < rate) {
          gold = dev.attento.core.ops.Reductions.argmax(logits.get(t - 1))[b];
        }
        input[b] = gold;
      }
      Tensor emb = dev.attento.core.ops.Shaping.reshape(embedTargets(input.clone(), batch, 1), batch, config.embeddingSize());
      Decoder.Step step = decoder.step(emb, state, true, random);
      logits.add(logits(step.output(), true, random));
      state = step.next();
    }
    return CrossEntropy.crossEntropy(dev.attento.core.ops.Shaping.stack(1, logits), target.outputs(), PAD);
  }
}

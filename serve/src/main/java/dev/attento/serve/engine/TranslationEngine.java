package dev.attento.serve.engine;

import java.util.List;
import java.util.Optional;

/**
 * A trained model as the server sees it: text in, translations out. The server depends on
 * nothing else of a model, so an adapter from any translator (or a fake in tests) plugs in.
 *
 * <p>The server calls {@link #translate} from one thread per engine at a time (its batcher),
 * so an engine need not be thread-safe; it is, however, called with sentences of many
 * concurrent requests at once, all decoded with the same options.
 */
public interface TranslationEngine {

  /** What the model is; {@link ModelInfo#name()} is how requests choose it. */
  ModelInfo info();

  /**
   * Translates a batch of sentences with one set of options.
   *
   * @param sources one or more sentences, none of them null
   * @param options how to decode, already checked against the server's limits
   * @return one result per source, in the same order, each with at most
   *     {@link DecodeOptions#nbest()} hypotheses, best first, and attention only if
   *     {@link DecodeOptions#attention()} asks for it
   */
  List<SentenceResult> translate(List<String> sources, DecodeOptions options);

  /**
   * A decoding with {@code options} that sentences can join between steps, if the engine can
   * decode them that way (the server then batches continuously), or empty (the server batches
   * whole requests for {@link #translate}). None by default.
   */
  default Optional<ContinuousDecoding> continuous(DecodeOptions options) {
    return Optional.empty();
  }
}

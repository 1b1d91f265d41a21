package dev.attento.serve.bench;

import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine that records the size of every batch it is given, for the load generator's mean
 * batch: with continuous batching, the sentences in the batch at each step.
 */
final class CountingEngine implements TranslationEngine {

  private final TranslationEngine engine;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  CountingEngine(TranslationEngine engine) {
    this.engine = engine;
  }

  @Override
  public ModelInfo info() {
    return engine.info();
  }

  @Override
  public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
    batchSizes.add(sources.size());
    return engine.translate(sources, options);
  }

  @Override
  public Optional<ContinuousDecoding> continuous(DecodeOptions options) {
    return engine.continuous(options).map(decoding -> new ContinuousDecoding() {
      @Override
      public void admit(List<String> sources, int[] ids) {
        decoding.admit(sources, ids);
      }

      @Override
      public List<Done> step() {
        batchSizes.add(decoding.size());
        return decoding.step();
      }

      @Override
      public int size() {
        return decoding.size();
      }
    });
  }

  List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }
}

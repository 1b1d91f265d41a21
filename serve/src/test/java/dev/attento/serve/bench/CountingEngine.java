package dev.attento.serve.bench;

import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine that records the size of every batch it is given, for the load generator's mean batch. */
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

  List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }
}

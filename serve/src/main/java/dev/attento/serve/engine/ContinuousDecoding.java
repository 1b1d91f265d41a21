package dev.attento.serve.engine;

import java.util.List;

/**
 * A decode that sentences join and leave between steps (continuous batching): the batcher
 * admits the sentences waiting, steps, answers those that ended, admits the ones that arrived
 * meanwhile, and so on while any is left. Every sentence is decoded with the options the
 * decoding was made for ({@link TranslationEngine#continuous}). Used by one thread at a time.
 */
public interface ContinuousDecoding {

  /**
   * A sentence that has been translated.
   *
   * @param id what {@link #admit} was given for it
   * @param result its translation, as {@link TranslationEngine#translate} would give it
   */
  record Done(int id, SentenceResult result) {}

  /**
   * Adds sentences; they start decoding at the next {@link #step}.
   *
   * @param ids one per sentence, distinct from those of the sentences not yet returned
   */
  void admit(List<String> sources, int[] ids);

  /** One decoding step for every sentence admitted; returns those that ended. */
  List<Done> step();

  /** Sentences admitted and not yet returned by {@link #step}. */
  int size();
}

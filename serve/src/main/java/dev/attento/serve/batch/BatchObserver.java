package dev.attento.serve.batch;

/** Told of every batched decode, for metrics. Called on the batcher's thread; must be quick. */
@FunctionalInterface
public interface BatchObserver {

  /** A batch of {@code sentences} sentences was decoded in {@code nanos} nanoseconds. */
  void decoded(int sentences, long nanos);
}

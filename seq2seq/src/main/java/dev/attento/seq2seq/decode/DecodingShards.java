package dev.attento.seq2seq.decode;

import dev.attento.core.ops.Forward;
import dev.attento.core.parallel.Sharding;
import dev.attento.seq2seq.data.SourceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes a batch as contiguous parts, one per thread of the pass's pool ({@link Sharding}):
 * every op of a decoding step then runs in parallel, where sharing out each matrix product
 * would leave the rest of the step on one core. The parts share the pass's packed weights
 * and each runs its kernels on its own thread. Sentences are decoded independently of the
 * rows around them, so the result is the same however the batch is cut.
 */
final class DecodingShards {

  /** Decodes one part of a batch in a pass of its own, giving one result per sentence. */
  @FunctionalInterface
  interface Decoding<T> {
    List<T> decode(Forward fwd, SourceBatch part);
  }

  private DecodingShards() {}

  /**
   * @param rowsPerSentence decoder rows each sentence occupies (the beam size)
   */
  static <T> List<T> decode(Forward fwd, SourceBatch source, int rowsPerSentence, Decoding<T> decoding) {
    int batch = source.batchSize();
    int parts = Math.min(batch, Sharding.shards(batch * rowsPerSentence, fwd.kernels().threads()));
    if (parts <= 1) {
      return decoding.decode(fwd, source);
    }
    List<Supplier<List<T>>> tasks = new ArrayList<>(parts);
    for (int q = 0; q < parts; q++) {
      SourceBatch part = source.rows(Sharding.start(batch, parts, q), Sharding.start(batch, parts, q + 1));
      tasks.add(() -> decoding.decode(fwd.shard(null, null), part));
    }
    List<T> out = new ArrayList<>(batch);
    fwd.kernels().pool().map(tasks).forEach(out::addAll);
    return out;
  }
}

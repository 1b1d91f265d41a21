package dev.attento.seq2seq.decode;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.WeightCache;
import dev.attento.seq2seq.model.SourceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a batch as two halves, one per core ({@link Kernels#inParallel}): every op of a
 * decoding step then runs in parallel, where sharing each matrix product between the cores
 * would leave the rest of the step on one. The halves share one {@link WeightCache} region
 * and are cut the same way on one core, so results do not depend on the machine.
 */
final class Halves {

  /** Decodes one part of a batch within a weight-cache region. */
  interface Decoding {
    List<Hypothesis> decode(SourceBatch part, WeightCache region);
  }

  private Halves() {}

  /** {@code decoding} over the whole batch if it has fewer than {@code minBatch} sentences, else over each half. */
  static List<Hypothesis> decode(SourceBatch source, int minBatch, Decoding decoding) {
    int batch = source.batchSize();
    if (batch < minBatch) {
      return decoding.decode(source, WeightCache.current());
    }
    try (WeightCache cache = WeightCache.open()) { // one set of transposes for both halves
      WeightCache region = WeightCache.current();
      int half = batch / 2;
      List<List<Hypothesis>> halves = Kernels.inParallel(List.of(
          () -> decoding.decode(source.rows(0, half), region),
          () -> decoding.decode(source.rows(half, batch), region)));
      List<Hypothesis> out = new ArrayList<>(halves.get(0));
      out.addAll(halves.get(1));
      return out;
    }
  }
}

package dev.attento.seq2seq.decode;

import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.model.Translator;
import java.util.List;

/**
 * Greedy decoding of a whole batch at once: at each step every unfinished sentence takes its
 * most probable next token (that does not repeat an n-gram, if the options block repeats).
 * A sentence leaves the batch once it has produced EOS (or reached its length limit), and the
 * search stops when none is left; with {@link DecodingOptions#stopAtEos()} off every row is
 * stepped to the longest limit (a fixed-length benchmark). Each part of the batch is a
 * {@link ContinuousGreedySearch} that takes all its sentences at once.
 * Uses only the translator's decoding API ({@link Translator#start}, {@link Translator#step});
 * a large batch is decoded in parts, one per thread ({@link DecodingShards}).
 */
public final class GreedySearch {

  private GreedySearch() {}

  /** Decodes each sentence of {@code source}, in order, in the inference pass {@code fwd}. */
  public static List<Hypothesis> decode(Forward fwd, Translator model, SourceBatch source, DecodingOptions options) {
    return DecodingShards.decode(fwd, source, 1, (pass, part) -> decodeBatch(pass, model, part, options));
  }

  private static List<Hypothesis> decodeBatch(Forward fwd, Translator model, SourceBatch source,
                                              DecodingOptions options) {
    int batch = source.batchSize();
    int[] ids = new int[batch];
    for (int b = 0; b < batch; b++) {
      ids[b] = b;
    }
    ContinuousGreedySearch search = new ContinuousGreedySearch(model, options);
    search.admit(fwd, source, ids);
    Hypothesis[] out = new Hypothesis[batch];
    for (int ended = 0; ended < batch; ) {
      for (ContinuousGreedySearch.Ended e : search.step(fwd)) {
        out[e.id()] = e.hypothesis();
        ended++;
      }
    }
    return List.of(out);
  }
}

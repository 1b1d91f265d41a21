package dev.attento.spark.train;

import dev.attento.seq2seq.data.Example;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One worker's part of the training examples, as token ids: example i of the prepared data
 * goes to worker {@code i mod workers}, so shards differ in size by at most one.
 *
 * @param index the worker (partition) it is for
 * @param ids each example's index in the whole training set
 * @param sources their source ids
 * @param targets their target ids
 */
record Shard(int index, int[] ids, int[][] sources, int[][] targets) implements Serializable {

  /** The examples dealt round-robin into {@code workers} shards. */
  static List<Shard> deal(List<Example> examples, int workers) {
    if (examples.size() < workers) {
      throw new IllegalArgumentException(examples.size() + " training pairs cannot feed " + workers + " workers");
    }
    List<Shard> shards = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int n = (examples.size() - w + workers - 1) / workers;
      int[] ids = new int[n];
      int[][] src = new int[n][];
      int[][] tgt = new int[n][];
      for (int i = 0; i < n; i++) {
        Example e = examples.get(w + i * workers);
        ids[i] = e.index();
        src[i] = e.source();
        tgt[i] = e.target();
      }
      shards.add(new Shard(w, ids, src, tgt));
    }
    return shards;
  }

  /** The shard's examples. */
  List<Example> examples() {
    List<Example> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.add(new Example(ids[i], sources[i], targets[i]));
    }
    return out;
  }
}

package dev.attento.seq2seq.train;

import dev.attento.core.parallel.Sharding;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.data.TargetBatch;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a training batch is cut for data parallelism on one machine: into one shard per thread
 * ({@link Sharding}), each trained on its own core with a tape of its own, their gradients
 * summed in shard order. Every op of the forward and backward pass then runs in parallel,
 * where sharing out each matrix product would leave the rest on one core.
 *
 * <p>Rows are sorted by target length and dealt out in a snake order (0, 1, …, n−1, n−1, …, 0, 0, …),
 * so the shards do about the same work: dealt plainly in turn, the first shard would get the
 * longer sentence of every round. The batch loss is the mean over its target tokens, so shard {@code i}'s mean loss
 * counts with weight {@code N_i / N}: the sum of the weighted shard losses (and of their
 * gradients) is the whole batch's. A batch too small to share stays whole, unpermuted.
 */
final class BatchShards {

  /**
   * One shard.
   *
   * @param source its sentences
   * @param target their targets
   * @param weight its share of the batch's target tokens
   */
  record Shard(SourceBatch source, TargetBatch target, float weight) {

    /** Its source tokens, padding excluded. */
    int sourceTokens() {
      return java.util.Arrays.stream(source.lengths()).sum();
    }

    /** Its target tokens, padding excluded. */
    int targetTokens() {
      return target.tokenCount(SpecialTokens.PAD);
    }
  }

  private BatchShards() {}

  /** The shards of {@code batch} for {@code threads} threads. */
  static List<Shard> split(Batch batch, int threads) {
    SourceBatch source = batch.source();
    TargetBatch target = batch.target();
    int rows = source.batchSize();
    int count = Sharding.shards(rows, threads);
    if (count == 1) {
      return List.of(new Shard(source, target, 1f));
    }
    int[] lengths = target.lengths(SpecialTokens.PAD);
    int[] byLength = IntStream.range(0, rows).boxed()
        .sorted(Comparator.comparingInt((Integer b) -> -lengths[b])).mapToInt(Integer::intValue).toArray();
    double total = target.tokenCount(SpecialTokens.PAD);
    List<Shard> shards = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      int shard = s;
      int[] picked = IntStream.range(0, rows).filter(i -> snake(i, count) == shard).map(i -> byLength[i]).toArray();
      TargetBatch t = target.permute(picked);
      shards.add(new Shard(source.permute(picked), t, (float) (t.tokenCount(SpecialTokens.PAD) / total)));
    }
    return shards;
  }

  /** The shard the {@code i}-th longest row goes to: rounds of {@code count} dealt forwards, then backwards. */
  static int snake(int i, int count) {
    int round = i / count;
    int place = i % count;
    return round % 2 == 0 ? place : count - 1 - place;
  }
}

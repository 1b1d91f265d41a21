package dev.attento.seq2seq.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A diagnostic account of the last {@link BatchGradients#compute} call: the serial work before
 * and after the parallel section (splitting the batch, summing the shards' gradients) in the
 * calling thread's CPU time, when the parallel section started and ended, and for every shard
 * the thread that ran it, its CPU and wall time and its tokens. Thread CPU time does not count
 * the time a thread waits for a core that another process holds, so on a shared machine it
 * attributes a step's cost far more steadily than wall time.
 *
 * <p>Filled only when a {@link BatchGradients} is built with one (the benchmark's
 * {@code --profile}); training leaves it out and pays nothing. One instance belongs to one
 * {@code BatchGradients} and is overwritten by every call; read it between calls.
 */
public final class ShardTimings {

  /**
   * One shard of the last call.
   *
   * @param thread the name of the thread that ran it
   * @param cpuNanos its thread CPU time
   * @param startNanos when it started ({@link System#nanoTime()})
   * @param endNanos when it ended
   * @param sourceTokens its source tokens, padding excluded
   * @param targetTokens its target tokens, padding excluded
   */
  public record Shard(String thread, long cpuNanos, long startNanos, long endNanos, int sourceTokens,
                      int targetTokens) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Shard[] shards = new Shard[0];
  private long splitCpuNanos;
  private long sumCpuNanos;
  private long parallelStartNanos;
  private long parallelEndNanos;

  /** An empty account, to be filled by the next call it is given to. */
  public ShardTimings() {}

  /** The shards of the last call, in shard order. */
  public List<Shard> shards() {
    return Collections.unmodifiableList(new ArrayList<>(List.of(shards)));
  }

  /** CPU time the calling thread spent splitting the batch into shards. */
  public long splitCpuNanos() {
    return splitCpuNanos;
  }

  /** CPU time the calling thread spent summing the shards' gradients. */
  public long sumCpuNanos() {
    return sumCpuNanos;
  }

  /** When the parallel section (every shard's forward and backward) started. */
  public long parallelStartNanos() {
    return parallelStartNanos;
  }

  /** When the parallel section ended: the last shard done and every worker out of the job. */
  public long parallelEndNanos() {
    return parallelEndNanos;
  }

  long cpuNow() {
    return threads.getCurrentThreadCpuTime();
  }

  void begin(int shardCount, long splitCpu, long parallelStart) {
    if (shards.length != shardCount) {
      shards = new Shard[shardCount];
    }
    splitCpuNanos = splitCpu;
    parallelStartNanos = parallelStart;
  }

  void shard(int index, long cpuNanos, long startNanos, long endNanos, int sourceTokens, int targetTokens) {
    shards[index] = new Shard(Thread.currentThread().getName(), cpuNanos, startNanos, endNanos, sourceTokens,
        targetTokens);
  }

  void end(long parallelEnd, long sumCpu) {
    parallelEndNanos = parallelEnd;
    sumCpuNanos = sumCpu;
  }
}

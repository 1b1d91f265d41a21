package dev.attento.cli;

import dev.attento.seq2seq.train.ShardTimings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code attento bench --profile}: where the training steps' time went, summed over the timed
 * steps and reported per step. The budget is the cores' time, {@code threads × wall}, cut
 * into parts that add up to it exactly:
 * <ul>
 *   <li>inside the parallel section (every shard's forward and backward), each thread's shards'
 *       CPU time; the time a thread had no shard to run (waiting at the join for a slower
 *       shard, or not yet woken); and the time a running shard was not on a core (wall minus
 *       CPU: collection pauses, the scheduler giving the core to another process);</li>
 *   <li>outside it, the calling thread's serial work in CPU time (next batch, split, gradient
 *       sum, clipping, optimizer), its other time (collections, descheduling), and the other
 *       threads' idle time.</li>
 * </ul>
 * Collection pauses and the process's CPU time (which includes the collector and the JIT) are
 * reported beside the budget, and a model of the step on idle cores: the serial work, the slowest
 * shard and the collections, which a comparison of one and two threads turns into an efficiency
 * that other processes on the machine hardly disturb. Thread CPU time leaves out time lost to other processes, so on a
 * shared machine the CPU parts are steady where wall time is not.
 */
final class StepBreakdown {

  private static final String[] SERIAL = {"batch", "split", "sum", "clip", "adam"};

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final int poolThreads;
  private final String caller = Thread.currentThread().getName();
  private final long[] workerIds;
  private final long callerId = Thread.currentThread().getId();
  private final double[] serial = new double[SERIAL.length];
  private int steps;
  private double wall;
  private double parallel;
  private double shardCpu;
  private double shardCpuOnCaller;
  private double shardStopped;
  private double threadsWithoutShard;
  private double callerJoinWait;
  private double tokenImbalance;
  private double cpuImbalance;
  private long shardCount;
  private long gcMillis0;
  private long gcCount0;
  private long processCpu0;
  private long workerCpu0;
  private long callerCpu0;
  private long allocated0;
  private long compileMillis0;
  private double criticalPath;

  /** A breakdown for a pool of {@code poolThreads} threads, its workers already started. */
  StepBreakdown(int poolThreads) {
    this.poolThreads = poolThreads;
    this.workerIds = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(i -> i != null && i.getThreadName().startsWith("attento-worker-"))
        .mapToLong(ThreadInfo::getThreadId).toArray();
  }

  /** The calling thread's CPU time now. */
  long cpuNow() {
    return threads.getCurrentThreadCpuTime();
  }

  /** Marks the start of the timed steps. */
  void start() {
    gcMillis0 = gcMillis();
    gcCount0 = gcCount();
    processCpu0 = os.getProcessCpuTime();
    workerCpu0 = workerCpu();
    callerCpu0 = threads.getCurrentThreadCpuTime();
    allocated0 = allocated();
    compileMillis0 = compileMillis();
  }

  /**
   * Adds one step.
   *
   * @param wallNanos the step's wall time
   * @param batchCpu the calling thread's CPU time for taking the next batch
   * @param clipCpu its CPU time for clipping
   * @param adamCpu its CPU time for the optimizer step
   * @param t the step's shard timings (split, shards, gradient sum)
   */
  void add(long wallNanos, long batchCpu, long clipCpu, long adamCpu, ShardTimings t) {
    steps++;
    wall += wallNanos;
    serial[0] += batchCpu;
    serial[1] += t.splitCpuNanos();
    serial[2] += t.sumCpuNanos();
    serial[3] += clipCpu;
    serial[4] += adamCpu;
    long p = t.parallelEndNanos() - t.parallelStartNanos();
    parallel += p;
    Map<String, Long> busy = new LinkedHashMap<>();
    long callerLastEnd = t.parallelStartNanos();
    int minTokens = Integer.MAX_VALUE;
    int maxTokens = 0;
    long minCpu = Long.MAX_VALUE;
    long maxCpu = 0;
    for (ShardTimings.Shard s : t.shards()) {
      long w = s.endNanos() - s.startNanos();
      shardCpu += s.cpuNanos();
      shardStopped += w - s.cpuNanos();
      busy.merge(s.thread(), w, Long::sum);
      if (s.thread().equals(caller)) {
        shardCpuOnCaller += s.cpuNanos();
        callerLastEnd = Math.max(callerLastEnd, s.endNanos());
      }
      int tokens = s.sourceTokens() + s.targetTokens();
      minTokens = Math.min(minTokens, tokens);
      maxTokens = Math.max(maxTokens, tokens);
      minCpu = Math.min(minCpu, s.cpuNanos());
      maxCpu = Math.max(maxCpu, s.cpuNanos());
      shardCount++;
    }
    callerJoinWait += t.parallelEndNanos() - callerLastEnd;
    long busyAll = busy.values().stream().mapToLong(Long::longValue).sum();
    threadsWithoutShard += (long) poolThreads * p - busyAll;
    tokenImbalance += (double) maxTokens / minTokens;
    cpuImbalance += (double) maxCpu / minCpu;
    criticalPath += maxCpu;
  }

  /** The breakdown as lines of text, in milliseconds per step. */
  String format(String variant) {
    double n = steps * 1e6;
    double serialCpu = Arrays.stream(serial).sum();
    double outside = wall - parallel;
    double budget = poolThreads * wall;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "profile %s, %d thread(s), %d steps, %.2f shards per step; ms per step:%n",
        variant, poolThreads, steps, (double) shardCount / steps));
    b.append(String.format(Locale.ROOT, "  wall %.2f = parallel section %.2f + serial section %.2f%n",
        wall / n, parallel / n, outside / n));
    b.append(String.format(Locale.ROOT, "  serial CPU (calling thread) %.2f:", serialCpu / n));
    for (int i = 0; i < SERIAL.length; i++) {
      b.append(String.format(Locale.ROOT, " %s %.2f", SERIAL[i], serial[i] / n));
    }
    b.append(String.format(Locale.ROOT, "%n  shard CPU %.2f (on the calling thread %.2f); calling thread waits at the join %.2f;"
        + " shard max/min CPU %.3f, max/min tokens %.3f%n", shardCpu / n, shardCpuOnCaller / n, callerJoinWait / n,
        cpuImbalance / steps, tokenImbalance / steps));
    b.append(String.format(Locale.ROOT, "  core budget (threads x wall) %.2f = shard CPU %.2f (%.1f%%) + no shard to run %.2f (%.1f%%)"
            + " + shard off-core %.2f (%.1f%%) + serial CPU %.2f (%.1f%%) + serial off-core %.2f (%.1f%%)"
            + " + other threads idle in serial section %.2f (%.1f%%)%n",
        budget / n, shardCpu / n, 100 * shardCpu / budget, threadsWithoutShard / n, 100 * threadsWithoutShard / budget,
        shardStopped / n, 100 * shardStopped / budget, serialCpu / n, 100 * serialCpu / budget,
        (outside - serialCpu) / n, 100 * (outside - serialCpu) / budget,
        (poolThreads - 1) * outside / n, 100 * (poolThreads - 1) * outside / budget));
    double process = os.getProcessCpuTime() - processCpu0;
    double javaThreads = (workerCpu() - workerCpu0) + (threads.getCurrentThreadCpuTime() - callerCpu0);
    b.append(String.format(Locale.ROOT, "  beside: GC paused %.2f (%.3f collections per step); process CPU %.2f = calling"
            + " thread %.2f + workers %.2f + collector, JIT and other JVM threads %.2f (JIT compiling %.2f);"
            + " allocated %.1f MB per step%n",
        (gcMillis() - gcMillis0) * 1e6 / n, (double) (gcCount() - gcCount0) / steps, process / n,
        (threads.getCurrentThreadCpuTime() - callerCpu0) / n, (workerCpu() - workerCpu0) / n,
        (process - javaThreads) / n, (compileMillis() - compileMillis0) * 1e6 / n,
        (allocated() - allocated0) / 1e6 / steps));
    // On idle cores, with a stop-the-world collector: the serial work, the slowest shard, and
    // the collections (whose pause is collector CPU time when nothing else wants the core). The
    // JIT is left out: it compiles during warm-up and fades in a long run.
    double gcNanos = (gcMillis() - gcMillis0) * 1e6;
    double model = serialCpu + criticalPath + gcNanos;
    b.append(String.format(Locale.ROOT, "  model of the step on idle cores: serial CPU %.2f + slowest shard CPU %.2f"
            + " + GC paused %.2f = %.2f", serialCpu / n, criticalPath / n, gcNanos / n, model / n));
    return b.toString();
  }

  private static long compileMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private long gcMillis() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private long gcCount() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private long allocated() {
    long bytes = threads.getThreadAllocatedBytes(callerId);
    for (long id : workerIds) {
      bytes += Math.max(0, threads.getThreadAllocatedBytes(id));
    }
    return bytes;
  }

  private long workerCpu() {
    return Arrays.stream(workerIds).map(threads::getThreadCpuTime).filter(c -> c > 0).sum();
  }
}

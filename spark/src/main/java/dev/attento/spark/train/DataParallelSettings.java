package dev.attento.spark.train;

import java.io.Serializable;

/**
 * How the workers of a data-parallel run train together.
 *
 * @param workers Spark tasks that train at once, each on its shard (barrier mode needs as many free task slots)
 * @param syncEvery K: the workers average parameters every K steps (local SGD); with 1 they
 *     average gradients before every optimizer step instead (synchronous SGD)
 * @param threadsPerTask threads each worker computes on (give Spark {@code spark.task.cpus} as many)
 * @param maxAttempts how many times a failed stage is tried from the last checkpoint before the run fails
 * @param failAtStep for testing recovery: the last worker throws before this step, on the
 *     run's first attempt only (0: never)
 */
public record DataParallelSettings(int workers, int syncEvery, int threadsPerTask, int maxAttempts, long failAtStep)
    implements Serializable {

  public DataParallelSettings {
    if (workers < 1 || syncEvery < 1 || threadsPerTask < 1 || maxAttempts < 1 || failAtStep < 0) {
      throw new IllegalArgumentException("workers, syncEvery, threadsPerTask and maxAttempts must be at least 1 and "
          + "failAtStep at least 0 (got " + workers + ", " + syncEvery + ", " + threadsPerTask + ", " + maxAttempts
          + ", " + failAtStep + ")");
    }
  }

  /** {@code workers} workers averaging gradients every step, one thread each, two attempts. */
  public static DataParallelSettings of(int workers) {
    return new DataParallelSettings(workers, 1, 1, 2, 0);
  }

  /** These settings with parameters averaged every {@code k} steps. */
  public DataParallelSettings withSyncEvery(int k) {
    return new DataParallelSettings(workers, k, threadsPerTask, maxAttempts, failAtStep);
  }

  /** These settings with {@code attempts} tries per stage. */
  public DataParallelSettings withMaxAttempts(int attempts) {
    return new DataParallelSettings(workers, syncEvery, threadsPerTask, attempts, failAtStep);
  }

  /** These settings with a failure injected before {@code step} (tests of recovery). */
  public DataParallelSettings withFailureAt(long step) {
    return new DataParallelSettings(workers, syncEvery, threadsPerTask, maxAttempts, step);
  }

  /** These settings with {@code threads} threads per worker. */
  public DataParallelSettings withThreadsPerTask(int threads) {
    return new DataParallelSettings(workers, syncEvery, threads, maxAttempts, failAtStep);
  }
}

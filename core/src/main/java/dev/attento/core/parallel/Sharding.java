package dev.attento.core.parallel;

/**
 * How many parts a batch is cut into for data parallelism: one per thread, as long as each
 * part keeps enough rows to be worth a thread of its own (below that, the fixed cost of a
 * step — the ops' bookkeeping, small products — outweighs what a second thread saves). The
 * number of parts depends only on the rows and the thread count, never on timing, so a given
 * thread count always computes the same thing.
 */
public final class Sharding {

  /** The fewest rows worth a thread of their own. */
  public static final int MIN_ROWS = 8;

  private Sharding() {}

  /** The number of shards for {@code rows} rows on {@code threads} threads (at least 1). */
  public static int shards(int rows, int threads) {
    return Math.max(1, Math.min(threads, rows / MIN_ROWS));
  }

  /** Where the {@code q}-th of {@code parts} near-equal parts of {@code total} items starts. */
  public static int start(int total, int parts, int q) {
    return (int) ((long) total * q / parts);
  }
}

package dev.attento.core.parallel;

/**
 * Element-wise work over several arrays taken end to end (every parameter of a model), cut
 * into contiguous slices, one per thread: how the serial tail of a training step — summing
 * the shards' gradients, clipping, the optimizer's update — runs on the whole pool. Every
 * element is computed by exactly one slice and the same way whichever slice it falls in, so
 * the result does not depend on the thread count.
 *
 * <p>Sums over all elements (a gradient norm) must not depend on the cut either: they are
 * taken per {@link #BLOCK}-element block of each array ({@link #blocks}), whatever the thread
 * count, and the blocks' sums added in order.
 */
public final class Slices {

  /** The fewest elements worth a thread of their own (below that, waking a worker costs more). */
  public static final int MIN_ELEMENTS = 1 << 15;

  /** The length of the blocks whose partial sums make up a reduction. */
  public static final int BLOCK = 1 << 13;

  /** The work on elements {@code [from, to)} of array {@code array}. */
  @FunctionalInterface
  public interface Body {
    /** Runs on elements {@code [from, to)} of the {@code array}-th array. */
    void run(int array, int from, int to);
  }

  private Slices() {}

  /**
   * Runs {@code body} over every element of arrays of the given lengths, in at most one slice
   * per thread of {@code pool}, each of at least {@link #MIN_ELEMENTS} elements.
   */
  public static void forEach(WorkerPool pool, int[] lengths, Body body) {
    long total = total(lengths);
    int parts = parts(pool, lengths);
    pool.forEach(parts, q -> range(lengths, total * q / parts, total * (q + 1) / parts, body));
  }

  /**
   * Runs {@code body} over every {@link #BLOCK}-element block of arrays of the given lengths
   * (the last block of an array may be shorter), the blocks numbered in order from 0, sliced
   * over {@code pool}'s threads as {@link #forEach} does.
   *
   * @param body called with the block's number, its array, and the block's range in that array
   */
  public static void blocks(WorkerPool pool, int[] lengths, BlockBody body) {
    int[] firstBlock = new int[lengths.length + 1];
    for (int a = 0; a < lengths.length; a++) {
      firstBlock[a + 1] = firstBlock[a] + blockCount(lengths[a]);
    }
    int blocks = firstBlock[lengths.length];
    int parts = parts(pool, lengths);
    // Whole blocks per slice; blocks are of equal length but for each array's last.
    pool.forEach(parts, q -> {
      int to = Sharding.start(blocks, parts, q + 1);
      int a = 0;
      for (int b = Sharding.start(blocks, parts, q); b < to; b++) {
        while (firstBlock[a + 1] <= b) {
          a++;
        }
        int start = (b - firstBlock[a]) * BLOCK;
        body.run(b, a, start, Math.min(lengths[a], start + BLOCK));
      }
    });
  }

  /** The number of blocks of arrays of the given lengths: the size of a partial-sum array. */
  public static int blockCount(int[] lengths) {
    int n = 0;
    for (int len : lengths) {
      n += blockCount(len);
    }
    return n;
  }

  /** The work on one block of a reduction. */
  @FunctionalInterface
  public interface BlockBody {
    /** Runs on block number {@code block}: elements {@code [from, to)} of the {@code array}-th array. */
    void run(int block, int array, int from, int to);
  }

  private static long total(int[] lengths) {
    long total = 0;
    for (int n : lengths) {
      total += n;
    }
    return total;
  }

  private static int parts(WorkerPool pool, int[] lengths) {
    return (int) Math.max(1, Math.min(pool.threads(), total(lengths) / MIN_ELEMENTS));
  }

  private static int blockCount(int length) {
    return (length + BLOCK - 1) / BLOCK;
  }

  /** Runs {@code body} over the global element range {@code [from, to)}. */
  private static void range(int[] lengths, long from, long to, Body body) {
    long offset = 0;
    for (int a = 0; a < lengths.length && offset < to; a++) {
      long end = offset + lengths[a];
      if (end > from) {
        body.run(a, (int) (Math.max(from, offset) - offset), (int) (Math.min(to, end) - offset));
      }
      offset = end;
    }
  }
}

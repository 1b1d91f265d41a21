package dev.attento.seq2seq.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Source-length buckets such as 5–10, 11–15, 16–20, 21–25: quality by length is how the
 * fixed-context bottleneck shows (Bahdanau et al. 2014, Fig. 2).
 *
 * @param upperBounds inclusive upper bound of each bucket, ascending; the first bucket starts
 *     at 1, the last one is open-ended
 */
public record LengthBuckets(int[] upperBounds) {

  /** Buckets of the given width up to {@code max}: e.g. width 5, max 25 → 1–5, 6–10, … 21–25, 26+. */
  public static LengthBuckets ofWidth(int width, int max) {
    List<Integer> bounds = new ArrayList<>();
    for (int b = width; b < max; b += width) {
      bounds.add(b);
    }
    bounds.add(max);
    return new LengthBuckets(bounds.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Five buckets of one round width (1, 2 or 5 times a power of ten) that cover the lengths
   * of a test set up to their 95th percentile, the longest few going to the open bucket: the
   * reversal task's 5–25 tokens give 1–5, 6–10, … 21–25, 26+; sentences of 40–60 tokens give
   * widths of 20. A test set whose lengths are all 1 gets the buckets 1 and 2+.
   *
   * @param lengths the test set's source lengths, at least one
   */
  public static LengthBuckets covering(int[] lengths) {
    int[] sorted = java.util.Arrays.stream(lengths).sorted().toArray();
    int p95 = Math.max(1, sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
    int width = 1;
    for (int scale = 1; width * 5 < p95; scale *= 10) {
      for (int m : new int[] {1, 2, 5, 10}) {
        width = m * scale;
        if (width * 5 >= p95) {
          break;
        }
      }
    }
    return ofWidth(width, width * Math.max(1, Math.min(5, (p95 + width - 1) / width)));
  }

  /**
   * Buckets from their inclusive upper bounds written as {@code 10,15,20,25} (ascending,
   * positive): 1–10, 11–15, 16–20, 21–25 and 26+.
   *
   * @throws IllegalArgumentException naming the problem if the list is malformed
   */
  public static LengthBuckets parse(String upperBounds) {
    String[] parts = upperBounds.split(",");
    int[] bounds = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        bounds[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("length buckets are ascending upper bounds such as 10,15,20,25; '"
            + parts[i].trim() + "' is not a whole number");
      }
      if (bounds[i] < 1 || i > 0 && bounds[i] <= bounds[i - 1]) {
        throw new IllegalArgumentException("length buckets are ascending upper bounds of at least 1 such as"
            + " 10,15,20,25, got " + upperBounds);
      }
    }
    return new LengthBuckets(bounds);
  }

  /** Bucket index of a length. */
  public int bucket(int length) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (length <= upperBounds[i]) {
        return i;
      }
    }
    return upperBounds.length;
  }

  /** Number of buckets (including the open-ended one). */
  public int count() {
    return upperBounds.length + 1;
  }

  /** A label such as {@code 6-10} or {@code 26+}. */
  public String label(int bucket) {
    int lo = bucket == 0 ? 1 : upperBounds[bucket - 1] + 1;
    return bucket == upperBounds.length ? lo + "+" : lo + "-" + upperBounds[bucket];
  }
}

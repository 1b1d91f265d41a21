package dev.attento.serve.metrics;

import java.util.Arrays;

/** The last few thousand latencies, for percentiles that describe now rather than all time. */
final class RecentLatencies {

  private final double[] ring;
  private int next;
  private int size;

  RecentLatencies(int capacity) {
    ring = new double[capacity];
  }

  synchronized void add(double seconds) {
    ring[next] = seconds;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  /** The given quantiles (nearest rank) of the recent latencies; NaN when there are none. */
  double[] quantiles(double... qs) {
    double[] sorted;
    synchronized (this) {
      sorted = Arrays.copyOf(ring, size);
    }
    Arrays.sort(sorted);
    double[] out = new double[qs.length];
    for (int i = 0; i < qs.length; i++) {
      out[i] = sorted.length == 0 ? Double.NaN
          : sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(qs[i] * sorted.length) - 1))];
    }
    return out;
  }
}

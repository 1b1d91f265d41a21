package dev.attento.spark.train;

import java.util.Locale;

/**
 * What a data-parallel run's stages cost, summed over its segments, as the driver sees them.
 *
 * @param steps optimizer steps
 * @param tokens target tokens trained on, all workers
 * @param wallNanos the stages' wall time on the driver (task launch, model unpacking and batch-plan replay included)
 * @param computeNanos worker 0's time outside exchanges
 * @param exchangeNanos worker 0's time in exchanges (waiting for the slowest worker included)
 * @param exchanges exchanges worker 0 took part in
 * @param sentBytes bytes worker 0 sent in them
 */
public record Throughput(long steps, double tokens, long wallNanos, long computeNanos, long exchangeNanos,
                         long exchanges, long sentBytes) {

  /** Nothing yet. */
  static final Throughput NONE = new Throughput(0, 0, 0, 0, 0, 0, 0);

  /** This plus one segment's figures. */
  Throughput plus(long segmentSteps, SegmentResult r, long segmentWallNanos) {
    return new Throughput(steps + segmentSteps, tokens + r.tokens(), wallNanos + segmentWallNanos,
        computeNanos + r.computeNanos(), exchangeNanos + r.exchangeNanos(), exchanges + r.exchanges(),
        sentBytes + r.sentBytes());
  }

  /** Wall milliseconds per step. */
  public double millisPerStep() {
    return steps == 0 ? 0 : wallNanos / 1e6 / steps;
  }

  /** Target tokens per second of wall time, all workers together. */
  public double tokensPerSecond() {
    return wallNanos == 0 ? 0 : tokens / (wallNanos / 1e9);
  }

  /** Bytes one worker sends per exchange (it receives that times the number of workers). */
  public double bytesPerExchange() {
    return exchanges == 0 ? 0 : (double) sentBytes / exchanges;
  }

  /** A line for the log. */
  public String describe() {
    double worker = computeNanos + exchangeNanos;
    return String.format(Locale.ROOT, "%.1f ms/step, %,.0f tokens/s; worker 0: %.0f%% computing, %.0f%% exchanging, "
            + "%,.0f bytes sent per exchange", millisPerStep(), tokensPerSecond(),
        worker == 0 ? 0 : 100 * computeNanos / worker, worker == 0 ? 0 : 100 * exchangeNanos / worker, bytesPerExchange());
  }
}

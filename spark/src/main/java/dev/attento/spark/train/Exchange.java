package dev.attento.spark.train;

import java.util.Arrays;
import java.util.Comparator;

/**
 * All workers' messages, gathered at a barrier: {@code BarrierTaskContext::allGather} on
 * Spark, anything that gives every worker every message in tests. Counts what passes through
 * it, for the measurements in docs/spark.md.
 */
final class Exchange {

  /** Sends one worker's text and returns every worker's, including its own. */
  @FunctionalInterface
  interface AllGather {
    String[] allGather(String message);
  }

  private final AllGather transport;
  private final int workers;
  private long sentChars;
  private long exchanges;
  private long nanos;

  /** An exchange among {@code workers} workers over {@code transport}. */
  Exchange(AllGather transport, int workers) {
    this.transport = transport;
    this.workers = workers;
  }

  /** Every worker's message, ordered by partition id (whatever order the transport used). */
  WorkerMessage[] gather(WorkerMessage mine) {
    if (workers == 1) {
      return new WorkerMessage[] {mine}; // nobody to wait for: Spark's barrier would still cost its poll interval
    }
    String text = mine.encode();
    long t0 = System.nanoTime();
    String[] all = transport.allGather(text);
    nanos += System.nanoTime() - t0;
    sentChars += text.length();
    exchanges++;
    WorkerMessage[] messages = Arrays.stream(all).map(WorkerMessage::decode).toArray(WorkerMessage[]::new);
    Arrays.sort(messages, Comparator.comparingInt(WorkerMessage::partition));
    return messages;
  }

  /** Characters (bytes: base64 is ASCII) this worker has sent. */
  long sentChars() {
    return sentChars;
  }

  /** Exchanges so far. */
  long exchanges() {
    return exchanges;
  }

  /** Time spent waiting in exchanges (includes waiting for slower workers). */
  long nanos() {
    return nanos;
  }
}

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
  private long sentChars;
  private long exchanges;
  private long nanos;

  Exchange(AllGather transport) {
    this.transport = transport;
  }

  /** Every worker's message, ordered by partition id (whatever order the transport used). */
  WorkerMessage[] gather(WorkerMessage mine) {
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

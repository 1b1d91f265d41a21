package dev.attento.serve.batch;

import dev.attento.serve.engine.SentenceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The queued sentences of one request; {@link #await} gives their results in order. */
public final class Submission {

  private final Batcher batcher;
  private final List<CompletableFuture<SentenceResult>> results;

  Submission(Batcher batcher, List<CompletableFuture<SentenceResult>> results) {
    this.batcher = batcher;
    this.results = List.copyOf(results);
  }

  /**
   * Waits for every sentence. On timeout the sentences still queued are withdrawn, so a
   * client that gave up costs no decoding.
   *
   * @throws TimeoutException if {@code timeout} passes first
   * @throws ExecutionException if the engine failed on the batch
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<SentenceResult> await(Duration timeout) throws TimeoutException, ExecutionException,
      InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<SentenceResult> out = new ArrayList<>(results.size());
    try {
      for (CompletableFuture<SentenceResult> r : results) {
        out.add(r.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
    } catch (TimeoutException | InterruptedException e) {
      batcher.withdraw(this);
      throw e;
    }
    return out;
  }
}

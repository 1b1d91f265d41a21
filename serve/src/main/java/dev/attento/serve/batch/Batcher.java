package dev.attento.serve.batch;

import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Dynamic batching for one engine: requests queue their sentences, and one thread gathers
 * the sentences that share decoding options into a batch, until the batch is full or for at
 * most the batch window, counted from when the oldest of them arrived or from when the
 * previous batch was answered, whichever is later, and decodes the batch with one call to the
 * engine. While it decodes, the next batch fills.
 *
 * <p>Why the window also counts from the previous answer: under load, the clients a batch
 * answers send their next request a moment after it returns, while the sentences that queued
 * during the decode have already waited longer than the window. Counting only from their
 * arrival would send them off at once, and the batches would settle at about half the
 * clients each (measured: batches of ~16 with 32 clients); waiting up to one window for the
 * answered clients lets them fill a whole batch. A sentence waits at most the window plus
 * the decode before it.
 *
 * <p>Continuous batching (Yu et al. 2022, "Orca"), where the engine offers it for the batch's
 * options ({@link TranslationEngine#continuous}, greedy search for a trained model): the batch
 * starts at once and is decoded not as one piece but step by step, each sentence answered at
 * the step it ends, and the sentences that queued meanwhile with the same options join it
 * between steps, up to the largest batch, a quarter of it at a time or whatever has waited the
 * window (see {@link #joining}). The batch's products then stay wide instead of narrowing to
 * the last long sentence, and a sentence waits for at most one step, not for a whole batch. Sentences with
 * other options wait until the batch has emptied; once the oldest of them has waited the
 * window, no new sentence joins, so that the batch empties.
 *
 * <p>With a window of 0 there is no batching: each request's sentences are decoded on their
 * own, in arrival order.
 *
 * <p>The queue is bounded in sentences; a request that does not fit is rejected at once
 * rather than queued behind an unbounded backlog.
 */
public final class Batcher implements AutoCloseable {

  /** A queued sentence. */
  private record Pending(String source, DecodeOptions options, Submission owner, long arrivedNanos,
                         CompletableFuture<SentenceResult> result) {}

  private final TranslationEngine engine;
  private final int capacity;
  private final long windowNanos;
  private final int maxBatchSize;
  private final boolean continuous;
  private final BatchObserver observer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Thread thread;
  private boolean stopping;
  /** When the last batch was answered (System.nanoTime); read and written by the batcher's thread only. */
  private long answeredNanos = System.nanoTime();

  /**
   * Starts the batcher's thread.
   *
   * @param capacity most sentences waiting
   * @param windowMs how long a batch waits for more sentences (from its oldest sentence's arrival or
   *     the previous batch's answer, whichever is later); 0 decodes each request alone
   * @param maxBatchSize most sentences in one batch (when batching)
   * @param observer told of every batched decode, and with continuous batching of every step
   */
  public Batcher(TranslationEngine engine, int capacity, int windowMs, int maxBatchSize, BatchObserver observer) {
    this(engine, capacity, windowMs, maxBatchSize, false, observer);
  }

  /**
   * Starts the batcher's thread.
   *
   * @param capacity most sentences waiting
   * @param windowMs how long a batch waits for more sentences (from its oldest sentence's arrival or
   *     the previous batch's answer, whichever is later); 0 decodes each request alone
   * @param maxBatchSize most sentences in one batch (when batching)
   * @param continuous whether to batch continuously where the engine can (when batching)
   * @param observer told of every batched decode, and with continuous batching of every step
   */
  public Batcher(TranslationEngine engine, int capacity, int windowMs, int maxBatchSize, boolean continuous,
                 BatchObserver observer) {
    this.engine = engine;
    this.continuous = continuous;
    this.capacity = capacity;
    this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMs);
    this.maxBatchSize = maxBatchSize;
    this.observer = observer;
    this.thread = new Thread(this::run, "batcher-" + engine.info().name());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues the sentences of one request.
   *
   * @throws RejectedException if they do not fit in the queue or the batcher is stopping
   */
  public Submission submit(List<String> sources, DecodeOptions options) throws RejectedException {
    List<CompletableFuture<SentenceResult>> results = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      results.add(new CompletableFuture<>());
    }
    Submission submission = new Submission(this, results);
    long now = System.nanoTime();
    lock.lock();
    try {
      if (stopping) {
        throw new RejectedException("the server is shutting down");
      }
      if (queue.size() + sources.size() > capacity) {
        throw new RejectedException("the queue of model " + engine.info().name() + " is full (" + queue.size()
            + " of " + capacity + " sentences waiting); retry later");
      }
      for (int i = 0; i < sources.size(); i++) {
        queue.addLast(new Pending(sources.get(i), options, submission, now, results.get(i)));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return submission;
  }

  /** Sentences waiting, not counting the batch being decoded. */
  public int queueLength() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Removes a submission's sentences that are still queued and cancels all its results. */
  void withdraw(Submission submission) {
    lock.lock();
    try {
      for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
        Pending p = it.next();
        if (p.owner() == submission) {
          p.result().cancel(false);
          it.remove();
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking sentences, decodes those already queued and stops the thread, waiting at
   * most {@code grace}; sentences still queued after that fail.
   */
  public void close(Duration grace) {
    lock.lock();
    try {
      stopping = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(Math.max(1, grace.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
    lock.lock();
    try {
      queue.forEach(p -> p.result().completeExceptionally(new CancellationException("the server stopped")));
      queue.clear();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #close(Duration)} with 30 seconds' grace. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void run() {
    try {
      Next next;
      while ((next = nextBatch()) != null) {
        if (next.stepwise().isPresent()) {
          decodeContinuously(next.stepwise().get(), next.batch());
        } else {
          decode(next.batch());
        }
        answeredNanos = System.nanoTime();
      }
    } catch (InterruptedException e) {
      // close() gave up waiting; whatever is still queued is failed there
    }
  }

  /** A batch to decode, and how: step by step if the engine offers it, else in one piece. */
  private record Next(List<Pending> batch, Optional<ContinuousDecoding> stepwise) {}

  /**
   * Waits for the next batch; null once stopping with nothing left to decode. A batch decoded
   * step by step starts at once: the sentences that follow join it between steps.
   */
  private Next nextBatch() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        while (queue.isEmpty()) {
          if (stopping) {
            return null;
          }
          changed.await();
        }
        Pending head = queue.peekFirst();
        Optional<ContinuousDecoding> stepwise = continuousDecoding(head.options());
        boolean batching = windowNanos > 0;
        Predicate<Pending> together = batching ? p -> p.options().equals(head.options()) : p -> p.owner() == head.owner();
        int limit = batching ? maxBatchSize : Integer.MAX_VALUE;
        // the later of the two instants, compared as nanoTime must be (by difference)
        long since = answeredNanos - head.arrivedNanos() > 0 ? answeredNanos : head.arrivedNanos();
        long deadline = since + windowNanos;
        long wait;
        while (batching && stepwise.isEmpty() && !stopping && queue.peekFirst() == head && count(together, limit) < limit
            && (wait = deadline - System.nanoTime()) > 0) {
          changed.awaitNanos(wait);
        }
        if (queue.peekFirst() != head) {
          continue; // the oldest sentence was withdrawn while we waited: start again from the new oldest
        }
        return new Next(take(together, limit), stepwise);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns the queued sentences {@code together} accepts, oldest first, at most {@code limit}. */
  private List<Pending> take(Predicate<Pending> together, int limit) {
    List<Pending> taken = new ArrayList<>();
    for (Iterator<Pending> it = queue.iterator(); it.hasNext() && taken.size() < limit; ) {
      Pending p = it.next();
      if (together.test(p)) {
        taken.add(p);
        it.remove();
      }
    }
    return taken;
  }

  private int count(Predicate<Pending> together, int limit) {
    int n = 0;
    for (Iterator<Pending> it = queue.iterator(); it.hasNext() && n < limit; ) {
      if (together.test(it.next())) {
        n++;
      }
    }
    return n;
  }

  /** The engine's continuous decoding for {@code options}, if batching continuously. */
  private Optional<ContinuousDecoding> continuousDecoding(DecodeOptions options) {
    if (!continuous || windowNanos == 0) {
      return Optional.empty();
    }
    try {
      return engine.continuous(options);
    } catch (RuntimeException | Error e) {
      return Optional.empty(); // translate() will fail the batch, or succeed
    }
  }

  /**
   * Decodes {@code first} step by step, answering each sentence as it ends and admitting the
   * sentences that arrive meanwhile, until none is left. An engine failure fails every
   * sentence in the batch.
   */
  private void decodeContinuously(ContinuousDecoding decoding, List<Pending> first) {
    DecodeOptions options = first.get(0).options();
    Map<Integer, Pending> inBatch = new HashMap<>();
    int nextId = 0;
    List<Pending> joining = first;
    try {
      while (true) {
        int[] ids = new int[joining.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = nextId++;
          inBatch.put(ids[i], joining.get(i));
        }
        if (!joining.isEmpty()) {
          decoding.admit(joining.stream().map(Pending::source).toList(), ids);
        }
        int rows = decoding.size();
        if (rows == 0) {
          return;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("the server stopped"); // close() gave up waiting
        }
        long start = System.nanoTime();
        for (ContinuousDecoding.Done done : decoding.step()) {
          Pending p = inBatch.remove(done.id());
          if (p == null) {
            throw new IllegalStateException("engine " + engine.info().name() + " answered an unknown sentence " + done.id());
          }
          p.result().complete(done.result());
        }
        observer.decoded(rows, System.nanoTime() - start);
        joining = joining(options, maxBatchSize - decoding.size());
      }
    } catch (RuntimeException | Error e) {
      // an engine failure fails this batch's requests, not the batcher
      inBatch.values().forEach(p -> p.result().completeExceptionally(e));
    }
  }

  /**
   * Takes up to {@code room} queued sentences with {@code options}, oldest first, once enough
   * of them wait to be worth encoding together — a quarter of the largest batch, or all the
   * room left — or the oldest of them has waited the window: encoding a sentence or two reads
   * the encoder's weights once per source token, about what a whole decoding step costs.
   * None once a sentence with other options has waited the window (the batch then empties and
   * it goes next).
   */
  private List<Pending> joining(DecodeOptions options, int room) {
    lock.lock();
    try {
      Pending head = queue.peekFirst();
      long now = System.nanoTime();
      if (room <= 0 || head == null || !head.options().equals(options) && now - head.arrivedNanos() >= windowNanos) {
        return List.of();
      }
      Predicate<Pending> same = p -> p.options().equals(options);
      Pending oldest = queue.stream().filter(same).findFirst().orElse(null);
      boolean enough = count(same, room) >= Math.min(room, Math.max(1, maxBatchSize / 4));
      if (oldest == null || !enough && now - oldest.arrivedNanos() < windowNanos) {
        return List.of();
      }
      return take(same, room);
    } finally {
      lock.unlock();
    }
  }

  private void decode(List<Pending> batch) {
    long start = System.nanoTime();
    List<String> sources = batch.stream().map(Pending::source).toList();
    try {
      List<SentenceResult> results = engine.translate(sources, batch.get(0).options());
      if (results == null || results.size() != batch.size()) {
        throw new IllegalStateException("engine " + engine.info().name() + " returned "
            + (results == null ? "null" : results.size() + " results") + " for " + batch.size() + " sentences");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException | Error e) {
      // an engine failure fails this batch's requests, not the batcher
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
    observer.decoded(batch.size(), System.nanoTime() - start);
  }
}

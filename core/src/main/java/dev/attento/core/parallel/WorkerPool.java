package dev.attento.core.parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The threads a process computes with: the calling thread plus {@code threads - 1} workers.
 * One pool serves every parallel piece of Attento — the chunks of a large matrix product,
 * the shards of a training batch, the parts of a batch being decoded — so the number of
 * cores used is decided in one place ({@code --threads}, by default every available core).
 *
 * <p>{@link #forEach} hands out tasks {@code 0 … n-1} from a counter to whichever thread is
 * free, the caller included, and returns when all have run. The caller never waits for a
 * task a worker has not started: on a busy machine, where a worker may not be scheduled for
 * milliseconds, the caller simply runs the remaining tasks itself. A pool already running a
 * job (a task that asks for parallelism itself, or a second thread using the pool at the same
 * time) runs the new job on the calling thread alone, so nesting and concurrent use are safe
 * and never deadlock. Which thread runs a task never changes its result: tasks own disjoint
 * parts of the output.
 *
 * <p>After a job the workers spin briefly before parking, because training issues products
 * back to back and waking a parked thread costs tens of microseconds.
 */
public final class WorkerPool implements AutoCloseable {

  private static final long SPIN_NANOS = 50_000;

  private final int threads;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Job job;
  private volatile boolean closed;

  private WorkerPool(int threads) {
    this.threads = threads;
    for (int i = 1; i < threads; i++) {
      Thread t = new Thread(this::loop, "attento-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
    }
    workers.forEach(Thread::start);
  }

  /**
   * A pool of {@code threads} threads in all (the caller and {@code threads - 1} workers).
   *
   * @throws IllegalArgumentException unless {@code threads ≥ 1}
   */
  public static WorkerPool create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new WorkerPool(threads);
  }

  /** A pool of one thread, the caller: runs every task in order, starts no thread. */
  public static WorkerPool single() {
    return new WorkerPool(1);
  }

  /** A pool with one thread per available processor. */
  public static WorkerPool perCore() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /** Number of threads that can run tasks at once, the caller included. */
  public int threads() {
    return threads;
  }

  /** Runs {@code body} for every task {@code 0 … tasks-1}, in parallel where threads are free. */
  public void forEach(int tasks, IntConsumer body) {
    if (tasks <= 1 || workers.isEmpty() || !busy.compareAndSet(false, true)) {
      for (int i = 0; i < tasks; i++) {
        body.accept(i);
      }
      return;
    }
    Job j = new Job(tasks, body);
    try {
      job = j;
      for (int w = 0; w < Math.min(workers.size(), tasks - 1); w++) {
        LockSupport.unpark(workers.get(w));
      }
      try {
        j.work();
      } finally {
        job = null;
        j.closeAndAwaitWorkers();
      }
    } finally {
      busy.set(false);
    }
    j.rethrow();
  }

  /** Runs the suppliers as tasks and returns their results in order. */
  public <T> List<T> map(List<Supplier<T>> tasks) {
    List<T> out = new ArrayList<>(Collections.nCopies(tasks.size(), null));
    forEach(tasks.size(), i -> out.set(i, tasks.get(i).get()));
    return out;
  }

  /** Stops the workers (they are daemons, so a process may also just exit). */
  @Override
  public void close() {
    closed = true;
    workers.forEach(LockSupport::unpark);
  }

  @Override
  public String toString() {
    return threads + (threads == 1 ? " thread" : " threads");
  }

  private void loop() {
    Job seen = null;
    while (!closed) {
      Job j = job;
      if (j == null || j == seen) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (((j = job) == null || j == seen) && System.nanoTime() < until && !closed) {
          Thread.onSpinWait();
        }
        if (j == null || j == seen) {
          LockSupport.park(this);
          continue;
        }
      }
      seen = j;
      if (j.enter()) {
        try {
          j.work();
        } catch (Throwable e) {
          j.fail(e);
        } finally {
          j.leave();
        }
      }
    }
  }

  /** One call's tasks and the workers inside it. */
  private static final class Job {
    /** Set in {@link #inside} once the caller has finished: late workers stay out. */
    private static final int CLOSED = Integer.MIN_VALUE;

    private final int tasks;
    private final IntConsumer body;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private volatile Throwable failure;

    Job(int tasks, IntConsumer body) {
      this.tasks = tasks;
      this.body = body;
    }

    void work() {
      for (int t; (t = next.getAndIncrement()) < tasks; ) {
        body.accept(t);
      }
    }

    boolean enter() {
      while (true) {
        int s = inside.get();
        if ((s & CLOSED) != 0) {
          return false;
        }
        if (inside.compareAndSet(s, s + 1)) {
          return true;
        }
      }
    }

    void leave() {
      inside.decrementAndGet();
    }

    void fail(Throwable e) {
      if (failure == null) {
        failure = e;
      }
    }

    /** Locks out workers that have not started, then waits for those that have. */
    void closeAndAwaitWorkers() {
      inside.getAndUpdate(s -> s | CLOSED);
      // Spin while workers finish their last task, yielding the core if that takes long: on a
      // busy machine a worker may be waiting for this very core.
      long yieldAfter = System.nanoTime() + SPIN_NANOS;
      while ((inside.get() & ~CLOSED) != 0) {
        if (System.nanoTime() < yieldAfter) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }

    void rethrow() {
      Throwable e = failure;
      if (e instanceof RuntimeException r) {
        throw r;
      } else if (e instanceof Error err) {
        throw err;
      } else if (e != null) {
        throw new IllegalStateException("a task on a worker thread failed", e);
      }
    }
  }
}

package dev.attento.core.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One background thread that shares the chunks of a large GEMM with the calling thread. On a
 * 2-core machine this beats a fork/join pool, whose joins spawn compensation threads and
 * oversubscribe the cores.
 *
 * <p>Chunks are claimed from a counter by whichever thread is free, and the caller never
 * waits for a chunk the helper has not started: on a busy machine, where the helper may not
 * be scheduled for milliseconds, the caller simply does all the chunks itself, so sharing is
 * never much slower than not sharing. After a job the helper spins briefly before parking,
 * because training issues GEMMs back to back and waking a parked thread costs tens of
 * microseconds.
 */
final class Helper {

  private static final long SPIN_NANOS = 50_000;

  private final Thread thread;
  private volatile Job job;

  Helper() {
    thread = new Thread(this::loop, "attento-gemm-helper");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code body} for chunks {@code 0 … chunks-1}, on this thread and the helper. */
  synchronized void parallelFor(int chunks, IntConsumer body) {
    Job j = new Job(chunks, body);
    job = j;
    LockSupport.unpark(thread);
    try {
      j.work();
    } finally {
      job = null;
      j.awaitHelper();
    }
    if (j.failure != null) {
      throw new IllegalStateException("GEMM helper failed", j.failure);
    }
  }

  /** Runs {@code theirs} and {@code mine}, in parallel when the helper is free. */
  void runBoth(Runnable theirs, Runnable mine) {
    parallelFor(2, c -> (c == 0 ? mine : theirs).run());
  }

  private void loop() {
    while (true) {
      Job j = job;
      if (j == null) {
        long until = System.nanoTime() + SPIN_NANOS;
        while ((j = job) == null && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        if (j == null) {
          LockSupport.park(this);
          continue;
        }
      }
      if (j.enterHelper()) {
        try {
          j.work();
        } catch (Throwable e) {
          j.failure = e;
        } finally {
          j.leaveHelper();
        }
      }
      while (job == j) {
        Thread.onSpinWait();
      }
    }
  }

  /** One call's chunks and who is working on them. */
  private static final class Job {
    private final int chunks;
    private final IntConsumer body;
    private final AtomicInteger next = new AtomicInteger();
    /** 0: helper not started, 1: helper working, 2: helper done or locked out. */
    private final AtomicInteger helperState = new AtomicInteger();
    private volatile Throwable failure;

    Job(int chunks, IntConsumer body) {
      this.chunks = chunks;
      this.body = body;
    }

    void work() {
      for (int c; (c = next.getAndIncrement()) < chunks; ) {
        body.accept(c);
      }
    }

    boolean enterHelper() {
      return helperState.compareAndSet(0, 1);
    }

    void leaveHelper() {
      helperState.set(2);
    }

    /** Locks the helper out if it never started, else waits for its last chunk. */
    void awaitHelper() {
      if (helperState.compareAndSet(0, 2)) {
        return;
      }
      // Spin while the helper finishes its chunk, yielding the core if that takes long:
      // on a busy machine the helper may be waiting for this very core.
      long yieldAfter = System.nanoTime() + SPIN_NANOS;
      while (helperState.get() != 2) {
        if (System.nanoTime() < yieldAfter) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }
}

package dev.attento.core.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One background thread that shares the chunks of a large GEMM (or the halves of a batch, see
 * {@link Kernels#inParallel}) with the calling thread. On a
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
  /** Threads running a chunk of a parallel job: work they start must not wait for the helper. */
  private static final ThreadLocal<boolean[]> IN_JOB = ThreadLocal.withInitial(() -> new boolean[1]);
  private static volatile Helper shared;

  private final Thread thread;
  private volatile Job job;

  /** The one helper of this JVM, started on first use. */
  static Helper shared() {
    Helper h = shared;
    if (h == null) {
      synchronized (Helper.class) {
        if (shared == null) {
          shared = new Helper();
        }
        h = shared;
      }
    }
    return h;
  }

  /**
   * Whether the calling thread is inside a chunk of a parallel job. A chunk that asked the
   * same helper for help would wait for a thread that is busy with its sibling chunk, so
   * kernels run single-threaded there.
   */
  static boolean insideJob() {
    return IN_JOB.get()[0];
  }

  private Helper() {
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
    if (j.failure instanceof RuntimeException e) {
      throw e;
    } else if (j.failure instanceof Error e) {
      throw e;
    } else if (j.failure != null) {
      throw new IllegalStateException("a task on the helper thread failed", j.failure);
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
      boolean[] inJob = IN_JOB.get();
      boolean outer = inJob[0];
      inJob[0] = true;
      try {
        for (int c; (c = next.getAndIncrement()) < chunks; ) {
          body.accept(c);
        }
      } finally {
        inJob[0] = outer;
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

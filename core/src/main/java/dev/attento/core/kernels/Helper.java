package dev.attento.core.kernels;

import java.util.concurrent.locks.LockSupport;

/**
 * One background thread that takes half of a large GEMM while the calling thread does the
 * other half. On a 2-core machine this beats a fork/join pool, whose joins spawn
 * compensation threads and oversubscribe the cores. After finishing a task the helper spins
 * briefly before parking, because training issues GEMMs back to back and waking a parked
 * thread costs tens of microseconds.
 */
final class Helper {

  private static final long SPIN_NANOS = 50_000;

  private final Thread thread;
  private volatile Runnable task;
  private volatile boolean done = true;
  private volatile Throwable failure;

  Helper() {
    thread = new Thread(this::loop, "attento-gemm-helper");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code mine} here and {@code theirs} on the helper, returning when both are done. */
  synchronized void runBoth(Runnable theirs, Runnable mine) {
    failure = null;
    done = false;
    task = theirs;
    LockSupport.unpark(thread);
    mine.run();
    while (!done) {
      Thread.onSpinWait();
    }
    if (failure != null) {
      throw new IllegalStateException("GEMM helper failed", failure);
    }
  }

  private void loop() {
    while (true) {
      Runnable t = task;
      if (t == null) {
        long until = System.nanoTime() + SPIN_NANOS;
        while ((t = task) == null && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        if (t == null) {
          LockSupport.park(this);
          continue;
        }
      }
      task = null;
      try {
        t.run();
      } catch (Throwable e) {
        failure = e;
      }
      done = true;
    }
  }
}

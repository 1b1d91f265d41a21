package dev.attento.cli;

import dev.attento.seq2seq.train.Trainer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The shutdown hook of a training loop. On SIGINT/SIGTERM it asks the trainer to stop after
 * the current step and lets the JVM wait until the loop has written its checkpoint, but never
 * forever: the wait ends when the loop is done, when the training thread is itself the one
 * exiting (a plugin called {@code System.exit}: the loop can never finish), or after
 * {@link #LONGEST_WAIT} (a step that hangs). Checkpoints are atomic, so exiting without the
 * interrupt save costs only the steps since the last one.
 *
 * <p>It is registered only around the loop: before it (reading corpora, building or loading
 * the model) a signal ends the JVM at once, since nothing has been done that a checkpoint
 * could keep.
 */
final class StopOnSignal implements AutoCloseable {

  /** How long a signal waits for the current step and the interrupt checkpoint. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread training = Thread.currentThread();
  private final Trainer trainer;
  private final Thread hook;

  /** Registers the hook for {@code trainer}, run on the calling thread. */
  StopOnSignal(Trainer trainer) {
    this.trainer = trainer;
    this.hook = new Thread(this::stopAndWait, "attento-stop");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // A signal came in just now; the JVM halts soon, and the loop should not start a step.
      trainer.requestStop();
    }
  }

  private void stopAndWait() {
    trainer.requestStop();
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    try {
      while (!finished.await(100, TimeUnit.MILLISECONDS)) {
        if (isExiting(training) || System.nanoTime() > deadline) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code t} is inside {@code System.exit}, waiting for the shutdown hooks (this one among them). */
  private static boolean isExiting(Thread t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals("java.lang.Shutdown")) {
        return true;
      }
    }
    return false;
  }

  /** The loop is over (normally or not): a waiting hook returns, and the hook is removed. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of a signal; the hook sees 'finished' and returns
    }
  }
}

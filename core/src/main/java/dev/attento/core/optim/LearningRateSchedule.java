package dev.attento.core.optim;

/**
 * How the learning rate changes during training. {@link #rate} is asked before every step;
 * schedules that react to validation results (reduce-on-plateau) also hear
 * {@link #onEvaluation}. Stateful schedules export their state for checkpoints.
 */
public interface LearningRateSchedule {

  /** The learning rate for step {@code step} (1-based). */
  double rate(long step);

  /** A validation metric where lower is better (e.g. dev loss). */
  default void onEvaluation(double metric) {}

  /** State to checkpoint (empty for stateless schedules). */
  default double[] state() {
    return new double[0];
  }

  /** Restores {@link #state()}. */
  default void restore(double[] state) {}
}

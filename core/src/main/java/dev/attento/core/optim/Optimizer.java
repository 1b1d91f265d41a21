package dev.attento.core.optim;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from a backward pass's {@link Gradients}. Parameters without a
 * gradient (unused so far) are skipped and their state left as it was.
 */
public interface Optimizer {

  /** Applies one update to every parameter that has a gradient in {@code gradients}. */
  void step(Gradients gradients);

  /**
   * {@link #step(Gradients)} with the update shared out over {@code pool}'s threads where the
   * optimizer can (every parameter's update is element-wise, so the result is the same for
   * every thread count); by default on the calling thread.
   */
  default void step(Gradients gradients, WorkerPool pool) {
    step(gradients);
  }

  /** The parameters this optimizer updates, in a fixed order. */
  List<Tensor> parameters();

  /** The current learning rate. */
  double learningRate();

  /** Changes the learning rate (schedules call this before each step). */
  void setLearningRate(double rate);

  /**
   * Everything needed to continue exactly where this optimizer stopped (step count, moment
   * estimates), as named tensors for a checkpoint.
   */
  Map<String, Tensor> state();

  /**
   * Restores {@link #state()} from a checkpoint.
   *
   * @throws IllegalArgumentException if the state does not fit these parameters
   */
  void loadState(Map<String, Tensor> state);
}

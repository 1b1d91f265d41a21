package dev.attento.spark.train;

import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that changes as training goes on, at a step boundary where every worker holds
 * the same: the parameters (in the model's parameter order), the optimizer's state, the
 * learning-rate schedule's state. The driver sends one to the workers at the start of a
 * segment and receives one back at its end.
 *
 * @param step optimizer steps done (skipped batches included)
 * @param skipped batches skipped so far
 * @param parameters each parameter's values
 * @param optimizerKeys the names of the optimizer state's tensors, in its order
 * @param optimizerShapes their shapes
 * @param optimizerValues their values
 * @param schedule the schedule's state
 */
record TrainingSnapshot(long step, int skipped, float[][] parameters, String[] optimizerKeys, int[][] optimizerShapes,
                        float[][] optimizerValues, double[] schedule) implements Serializable {

  /** A copy of the current state of training. */
  static TrainingSnapshot of(long step, int skipped, List<Tensor> parameters, Optimizer optimizer,
                             LearningRateSchedule schedule) {
    float[][] values = new float[parameters.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = parameters.get(i).data().clone();
    }
    Map<String, Tensor> state = optimizer.state();
    String[] keys = state.keySet().toArray(String[]::new);
    int[][] shapes = new int[keys.length][];
    float[][] buffers = new float[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      Tensor t = state.get(keys[i]);
      shapes[i] = t.shape();
      buffers[i] = t.data();
    }
    return new TrainingSnapshot(step, skipped, values, keys, shapes, buffers, schedule.state());
  }

  /** Makes the given model, optimizer and schedule what this snapshot recorded. */
  void restore(List<Tensor> into, Optimizer optimizer, LearningRateSchedule rates) {
    if (into.size() != parameters.length) {
      throw new IllegalStateException("a snapshot of " + parameters.length + " parameters for a model of " + into.size());
    }
    for (int i = 0; i < parameters.length; i++) {
      System.arraycopy(parameters[i], 0, into.get(i).data(), 0, into.get(i).size());
    }
    Map<String, Tensor> state = new LinkedHashMap<>();
    for (int i = 0; i < optimizerKeys.length; i++) {
      state.put(optimizerKeys[i], Tensor.of(optimizerValues[i].clone(), optimizerShapes[i]));
    }
    optimizer.loadState(state);
    rates.restore(schedule.clone());
  }
}

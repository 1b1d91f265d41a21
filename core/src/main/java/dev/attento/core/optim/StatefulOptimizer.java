package dev.attento.core.optim;

import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer here shares: its parameters, per-parameter buffers, step count and
 * learning rate, and their checkpoint round trip. Subclasses write only {@link #step()}.
 */
abstract class StatefulOptimizer implements Optimizer {

  protected final OptimizerState state;
  protected double lr;

  StatefulOptimizer(String kind, List<Tensor> parameters, double lr, String... bufferNames) {
    this.state = new OptimizerState(kind, parameters, bufferNames);
    this.lr = lr;
  }

  @Override
  public List<Tensor> parameters() {
    return state.parameters();
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double rate) {
    this.lr = rate;
  }

  @Override
  public Map<String, Tensor> state() {
    return state.export(lr);
  }

  @Override
  public void loadState(Map<String, Tensor> saved) {
    lr = state.restore(saved);
  }
}

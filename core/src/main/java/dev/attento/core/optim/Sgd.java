package dev.attento.core.optim;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum (Polyak 1964; the PyTorch form
 * {@code v = μv + g; w -= lr·v}), Nesterov momentum (Sutskever et al. 2013) and L2 weight
 * decay added to the gradient.
 */
public final class Sgd extends StatefulOptimizer {

  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;

  /** SGD over {@code parameters}. */
  public Sgd(List<Tensor> parameters, double lr, float momentum, boolean nesterov, float weightDecay) {
    super("sgd", parameters, lr, "velocity");
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
  }

  @Override
  public void step(Gradients gradients) {
    state.steps++;
    float rate = (float) lr;
    List<Tensor> ps = state.parameters();
    for (int p = 0; p < ps.size(); p++) {
      float[] g = gradients.get(ps.get(p));
      if (g == null) {
        continue;
      }
      float[] w = ps.get(p).data();
      float[] v = state.buffer(0, p);
      for (int i = 0; i < w.length; i++) {
        float gi = g[i] + weightDecay * w[i];
        if (momentum != 0f) {
          v[i] = momentum * v[i] + gi;
          gi = nesterov ? gi + momentum * v[i] : v[i];
        }
        w[i] -= rate * gi;
      }
    }
  }
}

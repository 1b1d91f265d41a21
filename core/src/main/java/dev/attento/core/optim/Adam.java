package dev.attento.core.optim;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.parallel.Slices;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias-corrected moment estimates, and AdamW
 * (Loshchilov &amp; Hutter 2019), which decays weights directly ({@code w -= lr·λ·w}) instead
 * of adding λw to the gradient, where Adam's per-coordinate scaling would weaken it. One
 * class serves both because they differ only in that line.
 */
public final class Adam extends StatefulOptimizer {

  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private final boolean decoupled;

  private Adam(List<Tensor> parameters, double lr, float beta1, float beta2, float eps, float weightDecay,
               boolean decoupled) {
    super(decoupled ? "adamw" : "adam", parameters, lr, "m", "v");
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
  }

  /** Adam with β = (0.9, 0.999), ε = 1e-8 and optional L2 weight decay. */
  public static Adam adam(List<Tensor> parameters, double lr, float weightDecay) {
    return new Adam(parameters, lr, 0.9f, 0.999f, 1e-8f, weightDecay, false);
  }

  /** AdamW with β = (0.9, 0.999), ε = 1e-8 and decoupled weight decay. */
  public static Adam adamW(List<Tensor> parameters, double lr, float weightDecay) {
    return new Adam(parameters, lr, 0.9f, 0.999f, 1e-8f, weightDecay, true);
  }

  @Override
  public void step(Gradients gradients) {
    step(gradients, WorkerPool.single());
  }

  /** One update, the parameters' elements sliced over {@code pool}'s threads ({@link Slices}). */
  @Override
  public void step(Gradients gradients, WorkerPool pool) {
    long t = ++state.steps;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    // Algorithm 1's bias corrections folded into the step size and ε (Kingma & Ba, §2).
    float stepSize = (float) (lr / c1);
    float sqrtC2 = (float) Math.sqrt(c2);
    float decay = (float) (lr * weightDecay);
    List<Tensor> ps = state.parameters();
    float[][] g = new float[ps.size()][];
    int[] lengths = new int[ps.size()];
    for (int p = 0; p < ps.size(); p++) {
      g[p] = gradients.get(ps.get(p));
      lengths[p] = g[p] == null ? 0 : g[p].length;
    }
    Slices.forEach(pool, lengths, (p, from, to) ->
        update(ps.get(p).data(), g[p], state.buffer(0, p), state.buffer(1, p), from, to, stepSize, sqrtC2, decay));
  }

  private void update(float[] w, float[] g, float[] m, float[] v, int from, int to, float stepSize, float sqrtC2,
                      float decay) {
    for (int i = from; i < to; i++) {
      float gi = decoupled ? g[i] : g[i] + weightDecay * w[i];
      if (decoupled) {
        w[i] -= decay * w[i];
      }
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / sqrtC2 + eps);
    }
  }
}

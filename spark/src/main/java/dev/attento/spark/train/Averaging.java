package dev.attento.spark.train;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two all-reduces of data-parallel training, over an {@link Exchange}: every worker
 * receives every worker's vector and computes the same average, in partition order and in
 * double precision, so all workers end with the same bits.
 */
final class Averaging {

  /**
   * The combined loss of a step: its mean per target token over every worker's batch.
   *
   * @param loss the mean per target token (NaN or infinite if a worker's was)
   * @param tokens target tokens over all workers
   * @param gradients the token-weighted average gradient, or {@code null} if the loss is not finite
   */
  record Combined(double loss, double tokens, Gradients gradients) {}

  private Averaging() {}

  /**
   * Averages one step's gradients, each weighted by its worker's share of the target tokens:
   * Σ (Tᵢ/T)·∇(Lᵢ/Tᵢ) = ∇(ΣLᵢ/T), the gradient of the mean loss over the combined batch, so
   * the step that follows equals a single-process step on that batch (up to float rounding).
   * A parameter a worker's loss did not reach counts as a zero gradient there.
   *
   * @param loss this worker's mean loss per target token
   * @param local this worker's gradients, or {@code null} if its loss was not finite
   */
  static Combined gradients(Exchange exchange, int partition, List<Tensor> parameters, double loss, int tokens,
                            Gradients local) {
    float[] flat = new float[size(parameters)];
    if (local != null) {
      int offset = 0;
      for (Tensor p : parameters) {
        float[] g = local.get(p);
        if (g != null) {
          System.arraycopy(g, 0, flat, offset, g.length);
        }
        offset += p.size();
      }
    }
    WorkerMessage[] all = exchange.gather(new WorkerMessage(partition, tokens, loss * tokens, 0, flat));
    double total = 0;
    double lossSum = 0;
    for (WorkerMessage m : all) {
      total += m.tokens();
      lossSum += m.lossSum();
    }
    double mean = lossSum / total;
    if (!Double.isFinite(mean)) {
      return new Combined(mean, total, null);
    }
    double[] weights = new double[all.length];
    for (int w = 0; w < all.length; w++) {
      weights[w] = all[w].tokens() / total;
    }
    return new Combined(mean, total, gradientsOf(parameters, weightedSum(all, weights)));
  }

  /**
   * Replaces the parameters and the optimizer's state (Adam's moments; its step count and
   * rate are the same everywhere) by their plain mean over the workers, as DL4J's parameter
   * averaging does with its {@code averageUpdaters} default: after it every worker holds the
   * same model and optimizer, which is what a checkpoint saves.
   *
   * @param tokens target tokens this worker trained on since the last averaging
   * @param lossSum the sum of its per-token losses over them
   * @param skipped batches it skipped since the last averaging
   * @return every worker's message (for the losses and skip counts)
   */
  static WorkerMessage[] parameters(Exchange exchange, int partition, List<Tensor> parameters, Optimizer optimizer,
                                    double tokens, double lossSum, int skipped) {
    Map<String, Tensor> state = optimizer.state();
    int n = size(parameters);
    for (Tensor t : state.values()) {
      n += t.size();
    }
    float[] flat = new float[n];
    int offset = 0;
    for (Tensor p : parameters) {
      System.arraycopy(p.data(), 0, flat, offset, p.size());
      offset += p.size();
    }
    for (Tensor t : state.values()) {
      System.arraycopy(t.data(), 0, flat, offset, t.size());
      offset += t.size();
    }
    WorkerMessage[] all = exchange.gather(new WorkerMessage(partition, tokens, lossSum, skipped, flat));
    double[] weights = new double[all.length];
    java.util.Arrays.fill(weights, 1.0 / all.length);
    float[] mean = weightedSum(all, weights);
    offset = 0;
    for (Tensor p : parameters) {
      System.arraycopy(mean, offset, p.data(), 0, p.size());
      offset += p.size();
    }
    Map<String, Tensor> averaged = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      Tensor t = e.getValue();
      float[] values = new float[t.size()];
      System.arraycopy(mean, offset, values, 0, values.length);
      offset += values.length;
      averaged.put(e.getKey(), Tensor.of(values, t.shape()));
    }
    optimizer.loadState(averaged);
    return all;
  }

  /** Σ wᵢ·vᵢ over the messages' vectors, accumulated in double in partition order. */
  private static float[] weightedSum(WorkerMessage[] all, double[] weights) {
    int n = all[0].values().length;
    for (WorkerMessage m : all) {
      if (m.values().length != n) {
        throw new IllegalStateException("workers sent vectors of " + n + " and " + m.values().length
            + " floats: do they train the same model?");
      }
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int w = 0; w < all.length; w++) {
        s += weights[w] * all[w].values()[i];
      }
      out[i] = (float) s;
    }
    return out;
  }

  /**
   * {@code flat} as the {@link Gradients} of {@code parameters}: the backward pass of a
   * one-node graph whose node is the all-reduce, so the result is an ordinary backward result
   * (every parameter has a gradient) that clipping and the optimizer take as they are.
   */
  static Gradients gradientsOf(List<Tensor> parameters, float[] flat) {
    Tape tape = Tape.watching(parameters);
    Tensor out = tape.record("all-reduce", Tensor.of(new float[] {0f}, 1), (g, into) -> {
      int offset = 0;
      for (Tensor p : parameters) {
        float[] buffer = into.of(p);
        for (int i = 0; i < buffer.length; i++) {
          buffer[i] += flat[offset + i];
        }
        offset += p.size();
      }
    }, parameters.toArray(Tensor[]::new));
    return tape.backward(out, new float[] {1f}, new Gradients());
  }

  private static int size(List<Tensor> parameters) {
    long n = 0;
    for (Tensor p : parameters) {
      n += p.size();
    }
    if (n > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("a model of " + n + " floats is too large to exchange in one message");
    }
    return (int) n;
  }
}

package dev.attento.core.autodiff;

import dev.attento.core.parallel.Slices;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * ∂loss/∂p for the parameters (watched leaves) of a backward pass: what {@link Tape#backward}
 * returns and what clipping and the optimizer consume. A parameter the loss did not reach has
 * no gradient ({@link #get} returns {@code null}), and an optimizer leaves it alone.
 *
 * <p>Buffers are kept in the order parameters were first given a gradient, so sums and norms
 * over them do not depend on timing. A trainer reuses one instance per shard across steps
 * ({@link #clear}) instead of allocating every parameter's gradient anew.
 */
public final class Gradients {

  private final Map<Tensor, float[]> buffers = new IdentityHashMap<>();
  private final List<Tensor> order = new ArrayList<>();

  /** An empty set of gradients. */
  public Gradients() {}

  /** The gradient of {@code parameter}, or {@code null} if it has none. */
  public float[] get(Tensor parameter) {
    return buffers.get(parameter);
  }

  /** The gradient of {@code parameter} as a tensor of its shape (zeros if it has none). */
  public Tensor tensor(Tensor parameter) {
    float[] g = buffers.get(parameter);
    return g == null ? Tensor.zeros(parameter.shape()) : Tensor.of(g.clone(), parameter.shape());
  }

  /** The parameters that have a gradient, in the order they received one. */
  public List<Tensor> parameters() {
    return Collections.unmodifiableList(order);
  }

  /** The buffer of {@code parameter}, allocated as zeros on first use. */
  float[] buffer(Tensor parameter) {
    float[] g = buffers.get(parameter);
    if (g == null) {
      g = new float[parameter.size()];
      buffers.put(parameter, g);
      order.add(parameter);
    }
    return g;
  }

  /**
   * Adds {@code other}'s gradients to these, parameter by parameter in {@code other}'s order:
   * how the shards of a batch are summed, always in shard order, so a given number of shards
   * gives the same bits on any machine.
   */
  public void add(Gradients other) {
    for (Tensor p : other.order) {
      float[] mine = buffer(p);
      float[] theirs = other.buffers.get(p);
      for (int i = 0; i < mine.length; i++) {
        mine[i] += theirs[i];
      }
    }
  }

  /**
   * Adds each of {@code others}' gradients to these, in the order given: the same bits as
   * {@link #add} called on each in turn (every element is summed in that order), with the
   * elements sliced over {@code pool}'s threads ({@link Slices}). How a batch's shards are
   * summed once every shard is done.
   */
  public void addAll(List<Gradients> others, WorkerPool pool) {
    for (Gradients other : others) {
      for (Tensor p : other.order) {
        buffer(p); // allocated here, on one thread, in the order add would
      }
    }
    float[][] mine = new float[order.size()][];
    float[][][] theirs = new float[order.size()][others.size()][];
    int[] lengths = new int[order.size()];
    for (int a = 0; a < mine.length; a++) {
      Tensor p = order.get(a);
      mine[a] = buffers.get(p);
      lengths[a] = mine[a].length;
      for (int o = 0; o < others.size(); o++) {
        theirs[a][o] = others.get(o).buffers.get(p);
      }
    }
    Slices.forEach(pool, lengths, (a, from, to) -> {
      float[] m = mine[a];
      for (float[] t : theirs[a]) {
        if (t != null) {
          for (int i = from; i < to; i++) {
            m[i] += t[i];
          }
        }
      }
    });
  }

  /** Sets every gradient to zero, keeping the buffers (and which parameters have one). */
  public void clear() {
    for (float[] g : buffers.values()) {
      Arrays.fill(g, 0f);
    }
  }
}

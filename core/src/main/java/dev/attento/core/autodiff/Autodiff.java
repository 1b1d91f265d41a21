package dev.attento.core.autodiff;

import dev.attento.core.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation over the graph that ops record.
 *
 * <p>An op computes its output eagerly and calls {@link #record} with a {@link BackwardFn}
 * that closes over whatever it needs. {@link #backward(Tensor)} sorts the graph
 * topologically from the loss and runs those functions from the loss back to the leaves.
 * Gradients of intermediate tensors are dropped as soon as they have been propagated, so a
 * long unrolled sequence keeps only one gradient per live tensor; leaves keep theirs.
 */
public final class Autodiff {

  private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private Autodiff() {}

  /** Whether ops on this thread currently record the graph. */
  public static boolean isRecording() {
    return NO_GRAD_DEPTH.get()[0] == 0;
  }

  /**
   * Starts a no-grad region: ops compute values only, nothing is recorded (inference,
   * optimizer updates). Use with try-with-resources; regions nest.
   */
  public static NoGrad noGrad() {
    NO_GRAD_DEPTH.get()[0]++;
    return new NoGrad();
  }

  /** A no-grad region; closing it restores recording. */
  public static final class NoGrad implements AutoCloseable {
    private boolean closed;

    private NoGrad() {}

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        NO_GRAD_DEPTH.get()[0]--;
      }
    }
  }

  /** Whether any of these tensors will need a gradient if the op is recorded. */
  public static boolean needsGrad(Tensor... inputs) {
    if (!isRecording()) {
      return false;
    }
    for (Tensor t : inputs) {
      if (t != null && t.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records that {@code output} was computed from {@code inputs}; {@code backward} will be
   * called with ∂loss/∂output. Does nothing (and returns {@code output} unchanged) when no
   * input requires a gradient or recording is off.
   */
  public static Tensor record(String name, Tensor output, BackwardFn backward, Tensor... inputs) {
    if (!needsGrad(inputs)) {
      return output;
    }
    List<Tensor> tracked = new ArrayList<>(inputs.length);
    for (Tensor t : inputs) {
      if (t != null && t.requiresGrad()) {
        tracked.add(t);
      }
    }
    output.attach(new Node(name, Collections.unmodifiableList(tracked), backward));
    return output;
  }

  /**
   * Back-propagates from a one-element {@code loss}, seeding ∂loss/∂loss = 1 and
   * accumulating into the gradients of every leaf that requires one.
   */
  public static void backward(Tensor loss) {
    if (loss.size() != 1) {
      throw new IllegalArgumentException(
          "backward() needs a scalar loss, got shape " + java.util.Arrays.toString(loss.shape()));
    }
    backward(loss, new float[] {1f});
  }

  /** Back-propagates a given output gradient (for vector-valued outputs, e.g. in tests). */
  public static void backward(Tensor output, float[] outputGrad) {
    if (!output.requiresGrad()) {
      throw new IllegalStateException("backward(): the tensor does not depend on anything that requires a gradient");
    }
    if (outputGrad.length != output.size()) {
      throw new IllegalArgumentException("backward(): gradient of length " + outputGrad.length
          + " for a tensor of " + output.size() + " elements");
    }
    float[] g = output.gradBuffer();
    for (int i = 0; i < g.length; i++) {
      g[i] += outputGrad[i];
    }
    List<Tensor> order = topologicalOrder(output);
    for (int i = order.size() - 1; i >= 0; i--) {
      Tensor t = order.get(i);
      Node node = t.node();
      if (node == null || t.grad() == null) {
        continue;
      }
      node.backward().apply(t.grad());
      t.releaseGrad();
    }
  }

  /** Tensors reachable from {@code root}, each after all of its inputs (iterative DFS). */
  static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    visited.add(root);
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      Tensor t = (Tensor) frame[0];
      int next = (Integer) frame[1];
      List<Tensor> inputs = t.node() == null ? List.of() : t.node().inputs();
      if (next < inputs.size()) {
        frame[1] = next + 1;
        Tensor child = inputs.get(next);
        if (visited.add(child)) {
          stack.push(new Object[] {child, 0});
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}

package dev.attento.core.autodiff;

import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private gradient buffers for the parameters (leaf tensors) one thread back-propagates into,
 * so that two threads can run the two halves of a batch through the same parameters without
 * racing on their gradients. While a sink is open on a thread, {@link Tensor#gradBuffer()} of
 * a leaf returns the sink's buffer; {@link #mergeInto()} then adds every buffer to the
 * parameter's own gradient, in the order the parameters were first touched, so the sum does
 * not depend on thread timing.
 */
public final class GradientSink implements AutoCloseable {

  private static final ThreadLocal<GradientSink> CURRENT = new ThreadLocal<>();

  private final Map<Tensor, float[]> buffers = new IdentityHashMap<>();
  private final List<Tensor> order = new ArrayList<>();
  private final GradientSink outer;

  private GradientSink(GradientSink outer) {
    this.outer = outer;
  }

  /** Opens a sink on this thread; close it before merging. */
  public static GradientSink open() {
    GradientSink s = new GradientSink(CURRENT.get());
    CURRENT.set(s);
    return s;
  }

  /**
   * The buffer that takes {@code leaf}'s gradient on this thread, or {@code null} if no sink
   * is open. Called by {@link Tensor#gradBuffer()}.
   */
  public static float[] bufferFor(Tensor leaf) {
    GradientSink s = CURRENT.get();
    if (s == null) {
      return null;
    }
    return s.buffers.computeIfAbsent(leaf, t -> {
      s.order.add(t);
      return new float[t.size()];
    });
  }

  /** Adds the collected gradients to the parameters' own gradients (call after closing). */
  public void mergeInto() {
    for (Tensor t : order) {
      float[] own = t.gradBuffer();
      float[] mine = buffers.get(t);
      for (int i = 0; i < mine.length; i++) {
        own[i] += mine[i];
      }
    }
  }

  @Override
  public void close() {
    if (CURRENT.get() == this) {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}

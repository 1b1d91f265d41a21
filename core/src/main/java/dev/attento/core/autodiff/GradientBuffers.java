package dev.attento.core.autodiff;

import dev.attento.core.memory.FloatAllocator;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gradient buffers of one backward pass, as the ops' {@link BackwardFn}s see them: a
 * buffer per tensor that the tape tracks, allocated as zeros on first use. Buffers of watched
 * leaves (parameters) live in the pass's {@link Gradients}; those of intermediate results are
 * dropped as soon as their op has propagated them, so a long unrolled sequence keeps only the
 * gradients still needed; their arrays are then reused (zeroed) for later intermediate results of
 * the same length, so a backward pass over T time steps allocates a few buffers per shape, not
 * one per op. That is why a {@link BackwardFn} must not keep its {@code outputGrad}.
 */
public final class GradientBuffers {

  private final Tape tape;
  private final Gradients leaves;
  private final Map<Tensor, float[]> intermediate = new IdentityHashMap<>();
  /** Arrays of intermediate gradients already propagated, by length, ready for reuse. */
  private final Map<Integer, ArrayDeque<float[]>> spare = new HashMap<>();

  private final FloatAllocator memory;

  GradientBuffers(Tape tape, Gradients leaves, FloatAllocator memory) {
    this.tape = tape;
    this.leaves = leaves;
    this.memory = memory;
  }

  /** Whether {@code t} takes a gradient in this pass (a watched leaf or a recorded result). */
  public boolean wants(Tensor t) {
    return t != null && tape.tracks(t);
  }

  /** The buffer that ∂loss/∂{@code t} accumulates in; {@code t} must be {@linkplain #wants wanted}. */
  public float[] of(Tensor t) {
    float[] g = intermediate.get(t); // most requests: an intermediate result's buffer, already made
    if (g != null) {
      return g;
    }
    if (tape.watches(t)) {
      return leaves.buffer(t);
    }
    if (!tape.tracks(t)) {
      throw new IllegalArgumentException("a backward function asked for the gradient of an untracked tensor");
    }
    g = zeros(t.size());
    intermediate.put(t, g);
    return g;
  }

  private float[] zeros(int length) {
    ArrayDeque<float[]> free = spare.get(length);
    float[] g = free == null ? null : free.poll();
    if (g == null) {
      return memory.zeros(length);
    }
    Arrays.fill(g, 0f);
    return g;
  }

  /** Hands back an intermediate gradient that its op has propagated; a later {@link #of} may reuse it. */
  void recycle(float[] g) {
    spare.computeIfAbsent(g.length, n -> new ArrayDeque<>()).push(g);
  }

  /** Removes and returns an intermediate result's gradient (or {@code null} if nothing reached it). */
  float[] take(Tensor t) {
    return intermediate.remove(t);
  }

  /** Adds a seed gradient to {@code t}'s buffer. */
  void seed(Tensor t, float[] seed) {
    float[] g = of(t);
    for (int i = 0; i < g.length; i++) {
      g[i] += seed[i];
    }
  }
}

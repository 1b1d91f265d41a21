package dev.attento.core.autodiff;

import dev.attento.core.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gradient buffers of one backward pass, as the ops' {@link BackwardFn}s see them: a
 * buffer per tensor that the tape tracks, allocated as zeros on first use. Buffers of watched
 * leaves (parameters) live in the pass's {@link Gradients}; those of intermediate results are
 * dropped as soon as their op has propagated them, so a long unrolled sequence keeps only the
 * gradients still needed.
 */
public final class GradientBuffers {

  private final Tape tape;
  private final Gradients leaves;
  private final Map<Tensor, float[]> intermediate = new IdentityHashMap<>();

  GradientBuffers(Tape tape, Gradients leaves) {
    this.tape = tape;
    this.leaves = leaves;
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
    g = new float[t.size()];
    intermediate.put(t, g);
    return g;
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

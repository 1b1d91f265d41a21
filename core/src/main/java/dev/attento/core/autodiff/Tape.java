package dev.attento.core.autodiff;

import dev.attento.core.memory.FloatAllocator;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation as a Wengert list: the record of one forward pass.
 *
 * <p>A tape starts out {@linkplain #watch watching} some leaves — the parameters being
 * trained, or the inputs of a gradient check. An op whose inputs include a tracked tensor (a
 * watched leaf or the result of a recorded op) computes its output eagerly and hands the tape
 * a {@link BackwardFn} that closes over what it needs; the output is then tracked too. Ops
 * whose inputs are all untracked are not recorded at all, which is how inference runs: with
 * no tape, or a tape that watches nothing, nothing is ever recorded.
 *
 * <p>{@link #backward} replays the list from the end. Entries were appended in execution
 * order, so every op's output gradient is complete before its backward function runs; no
 * graph search is needed. It returns the watched leaves' {@link Gradients}.
 *
 * <p>A tape serves one forward and one backward pass on one thread. Data-parallel training
 * gives each shard of a batch a tape of its own and sums their gradients.
 */
public final class Tape {

  /** One recorded op: its output, the tracked inputs, and how to send the gradient back. */
  private record Entry(String name, Tensor output, BackwardFn backward) {}

  private final Set<Tensor> watched = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The watched leaves and the results of recorded ops: one lookup answers {@link #tracks}, which every op asks. */
  private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Entry> entries = new ArrayList<>();
  private final FloatAllocator memory;
  private boolean replayed;

  /** An empty tape: nothing is tracked until {@link #watch} is called. */
  public Tape() {
    this(FloatAllocator.HEAP);
  }

  /**
   * An empty tape whose backward pass takes the gradient buffers of intermediate results
   * from {@code memory} (a training shard's {@link dev.attento.core.memory.StepArena}).
   */
  public Tape(FloatAllocator memory) {
    this.memory = java.util.Objects.requireNonNull(memory, "memory");
  }

  /** A tape watching {@code leaves}. */
  public static Tape watching(Collection<Tensor> leaves) {
    return watching(leaves, FloatAllocator.HEAP);
  }

  /** A tape watching {@code leaves}, its intermediate gradients made in {@code memory}. */
  public static Tape watching(Collection<Tensor> leaves, FloatAllocator memory) {
    Tape tape = new Tape(memory);
    leaves.forEach(tape::watch);
    return tape;
  }

  /** A tape watching {@code leaves}. */
  public static Tape watching(Tensor... leaves) {
    return watching(Arrays.asList(leaves));
  }

  /** Tracks {@code leaf}: the gradient of the loss with respect to it will be computed. */
  public Tape watch(Tensor leaf) {
    if (tracked.contains(leaf) && !watched.contains(leaf)) {
      throw new IllegalArgumentException("only leaves can be watched; this tensor is the result of a recorded op");
    }
    watched.add(leaf);
    tracked.add(leaf);
    return this;
  }

  /** Whether {@code t} is a watched leaf. */
  public boolean watches(Tensor t) {
    return watched.contains(t);
  }

  /** Whether {@code t} takes a gradient: a watched leaf or the result of a recorded op. */
  public boolean tracks(Tensor t) {
    return tracked.contains(t);
  }

  /** Whether any of {@code inputs} (nulls allowed) is tracked: whether an op on them will be recorded. */
  public boolean tracksAny(Tensor... inputs) {
    for (Tensor t : inputs) {
      if (t != null && tracks(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records that {@code output} was computed from {@code inputs}; {@code backward} will be
   * called with ∂loss/∂output. Does nothing (and returns {@code output} unchanged) when no
   * input is tracked.
   */
  public Tensor record(String name, Tensor output, BackwardFn backward, Tensor... inputs) {
    if (replayed) {
      throw new IllegalStateException("this tape has already been replayed; start a new one for the next pass");
    }
    if (tracksAny(inputs)) {
      entries.add(new Entry(name, output, backward));
      tracked.add(output);
    }
    return output;
  }

  /**
   * Back-propagates from a one-element {@code loss}, seeding ∂loss/∂loss = 1.
   *
   * @return the gradients of the watched leaves the loss depends on
   */
  public Gradients backward(Tensor loss) {
    return backward(loss, new float[] {1f}, new Gradients());
  }

  /**
   * Back-propagates a given output gradient (e.g. a weighted loss, or a vector-valued output
   * in a gradient check), adding the leaves' gradients into {@code into}.
   *
   * @return {@code into}
   */
  public Gradients backward(Tensor output, float[] seed, Gradients into) {
    if (!tracks(output)) {
      throw new IllegalStateException("backward(): the output does not depend on anything this tape watches");
    }
    if (seed.length != output.size()) {
      throw new IllegalArgumentException("backward(): gradient of length " + seed.length + " for a tensor of "
          + output.size() + " elements");
    }
    replayed = true;
    GradientBuffers buffers = new GradientBuffers(this, into, memory);
    buffers.seed(output, seed);
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      entries.set(i, null); // let the op's saved tensors go as soon as it has run
      float[] g = buffers.take(e.output());
      if (g != null) {
        e.backward().apply(g, buffers);
        buffers.recycle(g);
      }
    }
    entries.clear();
    tracked.clear();
    tracked.addAll(watched);
    return into;
  }

  /** Number of recorded ops (for tests and debugging). */
  public int size() {
    return entries.size();
  }
}

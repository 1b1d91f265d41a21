package dev.attento.core.ops;

import dev.attento.core.autodiff.BackwardFn;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.memory.FloatAllocator;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What a forward pass depends on besides its inputs, passed explicitly to every op and layer:
 *
 * <ul>
 *   <li>the {@link Tape} that records it for back-propagation, or none (inference: nothing is
 *       recorded, nothing kept for a backward pass);
 *   <li>the {@link Kernels} it computes with (and through them the threads large products may use);
 *   <li>the {@link PackedWeights} its products share;
 *   <li>the generator for dropout masks (and scheduled sampling), or none: no dropout;
 *   <li>where its results' arrays come from: the heap, or a training shard's
 *       {@link dev.attento.core.memory.StepArena} ({@link #floats}).
 * </ul>
 *
 * A {@code Forward} serves one pass: make a new one after parameters change (an optimizer
 * step), because packed weights are derived from them. Several threads may each run a part of
 * a pass with a {@code Forward} of their own that shares the packed weights ({@link #shard}).
 */
public final class Forward {

  private final Tape tape;
  private final Kernels kernels;
  private final PackedWeights packed;
  private final UniformRandomProvider random;
  private final FloatAllocator memory;

  /**
   * A pass whose results are new arrays on the heap.
   *
   * @param tape records the pass, or {@code null} for none
   * @param kernels the kernels to compute with
   * @param packed the packed-weight cache to share
   * @param random generator for dropout, or {@code null} for no dropout
   */
  public Forward(Tape tape, Kernels kernels, PackedWeights packed, UniformRandomProvider random) {
    this(tape, kernels, packed, random, FloatAllocator.HEAP);
  }

  /**
   * A pass whose results' arrays come from {@code memory}.
   *
   * @param memory where results' arrays come from: a {@link dev.attento.core.memory.StepArena}
   *     makes them valid only until its next reset
   */
  public Forward(Tape tape, Kernels kernels, PackedWeights packed, UniformRandomProvider random,
      FloatAllocator memory) {
    this.tape = tape;
    this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
    this.packed = java.util.Objects.requireNonNull(packed, "packed");
    this.random = random;
    this.memory = java.util.Objects.requireNonNull(memory, "memory");
  }

  /** Inference: nothing recorded, no dropout. */
  public static Forward inference(Kernels kernels) {
    return new Forward(null, kernels, new PackedWeights(), null);
  }

  /** Inference on the {@linkplain Kernels#detect() fastest kernels}, on the caller's thread. */
  public static Forward inference() {
    return inference(Kernels.detect());
  }

  /** A pass recorded on {@code tape}, without dropout (gradient checks, diagnostics). */
  public static Forward recording(Tape tape, Kernels kernels) {
    return new Forward(tape, kernels, new PackedWeights(), null);
  }

  /** A pass recorded on {@code tape} on the fastest kernels, without dropout. */
  public static Forward recording(Tape tape) {
    return recording(tape, Kernels.detect());
  }

  /** A training pass: recorded on {@code tape}, dropout drawn from {@code random}. */
  public static Forward training(Tape tape, Kernels kernels, UniformRandomProvider random) {
    return new Forward(tape, kernels, new PackedWeights(), random);
  }

  /**
   * The context for one shard of this pass run on a thread of its own: its own tape and
   * generator, the kernels on that thread alone, and this pass's packed weights.
   */
  public Forward shard(Tape shardTape, UniformRandomProvider shardRandom) {
    return shard(shardTape, shardRandom, memory);
  }

  /** As {@link #shard(Tape, UniformRandomProvider)}, the shard's results made in {@code shardMemory}. */
  public Forward shard(Tape shardTape, UniformRandomProvider shardRandom, FloatAllocator shardMemory) {
    return new Forward(shardTape, kernels.serial(), packed, shardRandom, shardMemory);
  }

  /** This pass without recording (e.g. a greedy choice inside a training pass). */
  public Forward withoutTape() {
    return tape == null ? this : new Forward(null, kernels, packed, random, memory);
  }

  /**
   * A zero-filled array for an op's result (or a scratch array its backward needs), from this
   * pass's memory: use it instead of {@code new float[length]} in ops, so a training step can
   * reuse its previous step's arrays.
   */
  public float[] floats(int length) {
    return memory.zeros(length);
  }

  /** {@code src[from, to)} copied into an array of this pass's memory (see {@link #floats}). */
  public float[] copyOfRange(float[] src, int from, int to) {
    float[] a = memory.zeros(to - from);
    System.arraycopy(src, from, a, 0, to - from);
    return a;
  }

  /** A tensor of zeros of {@code shape} in this pass's memory (see {@link #floats}). */
  public Tensor zeros(int... shape) {
    return Tensor.of(memory.zeros(dev.attento.core.tensor.Shapes.size(shape)), shape);
  }

  /** The tape, or {@code null} when nothing is recorded. */
  public Tape tape() {
    return tape;
  }

  /** The kernels. */
  public Kernels kernels() {
    return kernels;
  }

  /** The packed weights this pass shares. */
  public PackedWeights packed() {
    return packed;
  }

  /** The dropout generator, or {@code null} when dropout is off. */
  public UniformRandomProvider random() {
    return random;
  }

  /** Whether dropout is active (a training pass). */
  public boolean training() {
    return random != null;
  }

  /** Whether an op on {@code inputs} will be recorded: a tape exists and tracks one of them. */
  public boolean records(Tensor... inputs) {
    return tape != null && tape.tracksAny(inputs);
  }

  /**
   * Records an op on the tape if there is one and an input is tracked; returns {@code output}.
   * Every op ends with this call.
   */
  public Tensor record(String name, Tensor output, BackwardFn backward, Tensor... inputs) {
    return tape == null ? output : tape.record(name, output, backward, inputs);
  }

  /** {@code Wᵀ} packed for this pass's GEMM (see {@link PackedWeights}). */
  public dev.attento.core.kernels.Gemm.Packed packedTranspose(Tensor weight) {
    return packed.transposeOf(weight, kernels.gemm());
  }
}

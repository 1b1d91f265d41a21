package dev.attento.core.ops;

import dev.attento.core.autodiff.BackwardFn;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
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
 *   <li>the generator for dropout masks (and scheduled sampling), or none: no dropout.
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

  /**
   * @param tape records the pass, or {@code null} for none
   * @param kernels the kernels to compute with
   * @param packed the packed-weight cache to share
   * @param random generator for dropout, or {@code null} for no dropout
   */
  public Forward(Tape tape, Kernels kernels, PackedWeights packed, UniformRandomProvider random) {
    this.tape = tape;
    this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
    this.packed = java.util.Objects.requireNonNull(packed, "packed");
    this.random = random;
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
    return new Forward(shardTape, kernels.serial(), packed, shardRandom);
  }

  /** This pass without recording (e.g. a greedy choice inside a training pass). */
  public Forward withoutTape() {
    return tape == null ? this : new Forward(null, kernels, packed, random);
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

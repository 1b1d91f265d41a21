package dev.attento.core.memory;

/**
 * Where an op gets the array for its result: a new array from the heap, or one a
 * {@link StepArena} reuses from the previous training step.
 */
@FunctionalInterface
public interface FloatAllocator {

  /** New arrays every time: inference, gradient checks, anything outside a training step. */
  FloatAllocator HEAP = float[]::new;

  /** A zero-filled array of {@code length} elements, exactly as {@code new float[length]}. */
  float[] zeros(int length);
}

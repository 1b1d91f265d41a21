package dev.attento.core.autodiff;

/**
 * The backward half of an op: given ∂loss/∂output, add ∂loss/∂input into each input's
 * {@link dev.attento.core.tensor.Tensor#gradBuffer() gradient buffer}. Always accumulate
 * ({@code +=}): an input used by several ops receives the sum of their contributions.
 */
@FunctionalInterface
public interface BackwardFn {
  /** Propagates {@code outputGrad} (same layout as the op's output) to the op's inputs. */
  void apply(float[] outputGrad);
}

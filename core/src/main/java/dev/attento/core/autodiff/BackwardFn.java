package dev.attento.core.autodiff;

/**
 * The backward half of an op: given ∂loss/∂output, add ∂loss/∂input into the gradient buffer
 * of each input that {@linkplain GradientBuffers#wants wants one}. Always accumulate
 * ({@code +=}): an input used by several ops receives the sum of their contributions.
 */
@FunctionalInterface
public interface BackwardFn {

  /**
   * Propagates {@code outputGrad} (same layout as the op's output) to the op's inputs.
   * {@code outputGrad} belongs to the tape: it is reused once this call returns, so read it
   * here and do not keep it.
   *
   * @param into where the inputs' gradients accumulate
   */
  void apply(float[] outputGrad, GradientBuffers into);
}

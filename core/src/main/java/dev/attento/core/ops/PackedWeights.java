package dev.attento.core.ops;

import dev.attento.core.kernels.Gemm;
import dev.attento.core.tensor.Tensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weights packed for the GEMM, made once per forward pass (or per decoding of a test set) and
 * reused by every product in it. {@link Linear} and the recurrent cells multiply by
 * {@code Wᵀ} with W stored {@code [out, in]}; a decoder does so at every time step, and
 * packing the same W 25 times per batch would cost a pass over it each time.
 *
 * <p>Valid only while the weights do not change: a trainer makes a new one for every step
 * (see {@link Forward}), and nothing else writes to parameters. Entries are keyed by the
 * identity of the weight's data. Shared safely by the threads of one pass (each weight is
 * packed once, by whichever thread asks first).
 */
public final class PackedWeights {

  private final Map<float[], Gemm.Packed> packed = new ConcurrentHashMap<>();

  /** An empty cache. */
  public PackedWeights() {}

  /** {@code Wᵀ} packed by {@code gemm}, for a weight {@code [out, in]}: made on first use, then reused. */
  public Gemm.Packed transposeOf(Tensor weight, Gemm gemm) {
    if (weight.rank() != 2) {
      throw new IllegalArgumentException("packed weights: expected a [out, in] matrix, got rank " + weight.rank());
    }
    return packed.computeIfAbsent(weight.data(), w -> gemm.pack(true, weight.dim(1), weight.dim(0), w, 0, weight.dim(1)));
  }

  /** Number of weights packed so far (for tests). */
  public int size() {
    return packed.size();
  }
}

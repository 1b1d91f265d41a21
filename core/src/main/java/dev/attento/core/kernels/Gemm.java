package dev.attento.core.kernels;

import dev.attento.core.parallel.WorkerPool;

/**
 * General matrix multiply on row-major float arrays, BLAS-style:
 * {@code C = alpha * op(A) * op(B) + beta * C} where {@code op(X)} is {@code X} or its
 * transpose. {@code op(A)} is m×k, {@code op(B)} is k×n, {@code C} is m×n. Leading dimensions
 * are row strides of the stored (untransposed) arrays, so transposes are never materialised:
 * backward passes need {@code A·Bᵀ} and {@code Aᵀ·B} as often as {@code A·B}.
 *
 * <p>When {@code beta == 0} the previous contents of C are ignored (even NaN), as in BLAS.
 */
public interface Gemm {

  /** A short name for reports, e.g. {@code "vector-512"} or {@code "scalar"}. */
  String name();

  /**
   * This kernel sharing large products out on {@code pool} ({@code null} or a one-thread pool:
   * running on its caller alone). Kernels that never run in parallel return themselves.
   */
  default Gemm withPool(WorkerPool pool) {
    return this;
  }

  void gemm(boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc);

  /**
   * Prepares op(B) ({@code k × n}) for many products with different A: a recurrent weight is
   * multiplied at every time step, and packing it once per sequence instead of once per step
   * saves a pass over it each time. The result stays valid while B is unchanged; a kernel
   * that prepares nothing just remembers B.
   */
  default Packed pack(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
    return new Packed(transB, k, n, b, bOff, ldb, null);
  }

  /** {@code C = alpha·op(A)·op(B) + beta·C} with a prepared op(B). */
  default void gemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda, Packed b,
                    float beta, float[] c, int cOff, int ldc) {
    gemm(transA, b.transB(), m, b.n(), b.k(), alpha, a, aOff, lda, b.b(), b.bOff(), b.ldb(), beta, c, cOff, ldc);
  }

  /**
   * op(B) as given to {@link #pack}, with what a kernel prepared from it (or {@code null}), so
   * any kernel can still use it the plain way.
   */
  record Packed(boolean transB, int k, int n, float[] b, int bOff, int ldb, Object prepared) {}
}

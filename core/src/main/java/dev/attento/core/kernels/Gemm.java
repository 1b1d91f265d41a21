package dev.attento.core.kernels;

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

  void gemm(boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc);
}

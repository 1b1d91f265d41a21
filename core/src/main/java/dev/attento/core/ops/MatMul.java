package dev.attento.core.ops;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Matrix products on the {@link Kernels#gemm() fastest GEMM}. The backward of
 * {@code C = op(A)·op(B)} is two more GEMMs with the transposes folded into the kernel's
 * flags (e.g. {@code ∂A = ∂C·Bᵀ}, {@code ∂B = Aᵀ·∂C}); nothing is ever transposed in memory.
 */
public final class MatMul {

  private MatMul() {}

  /**
   * {@code a·b} for {@code a} of shape {@code [..., K]} (leading dimensions flattened into
   * rows) and {@code b} of shape {@code [K, N]}; the result has shape {@code [..., N]}.
   */
  public static Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() < 1 || b.rank() != 2 || a.dim(-1) != b.dim(0)) {
      throw Shapes.mismatch("matmul", a, b);
    }
    int k = b.dim(0);
    int n = b.dim(1);
    int m = k == 0 ? 0 : a.size() / k;
    int[] shape = a.shape();
    shape[shape.length - 1] = n;
    Tensor out = Tensor.of(new float[m * n], shape);
    gemm(false, false, m, n, k, a.data(), b.data(), 0f, out.data());
    return Autodiff.record("matmul", out, g -> {
      if (a.requiresGrad()) {
        gemm(false, true, m, k, n, g, b.data(), 1f, a.gradBuffer());
      }
      if (b.requiresGrad()) {
        gemm(true, false, k, n, m, a.data(), g, 1f, b.gradBuffer());
      }
    }, a, b);
  }

  /**
   * Batched product of rank-3 tensors: {@code out[i] = op(a[i])·op(b[i])}, with
   * {@code op} an optional transpose of the last two dimensions. Attention uses it for
   * scores {@code H·q} and contexts {@code αᵀ·H} over a whole batch.
   */
  public static Tensor bmm(Tensor a, Tensor b, boolean transA, boolean transB) {
    Shapes.requireRank("bmm", a, 3);
    Shapes.requireRank("bmm", b, 3);
    int batch = a.dim(0);
    int m = transA ? a.dim(2) : a.dim(1);
    int k = transA ? a.dim(1) : a.dim(2);
    int kb = transB ? b.dim(2) : b.dim(1);
    int n = transB ? b.dim(1) : b.dim(2);
    if (b.dim(0) != batch || k != kb) {
      throw Shapes.mismatch("bmm" + (transA ? "[Aᵀ]" : "") + (transB ? "[Bᵀ]" : ""), a, b);
    }
    int sa = a.dim(1) * a.dim(2);
    int sb = b.dim(1) * b.dim(2);
    int sc = m * n;
    int lda = a.dim(2);
    int ldb = b.dim(2);
    Tensor out = Tensor.zeros(batch, m, n);
    Gemm kernel = Kernels.gemm();
    for (int i = 0; i < batch; i++) {
      kernel.gemm(transA, transB, m, n, k, 1f, a.data(), i * sa, lda, b.data(), i * sb, ldb,
          0f, out.data(), i * sc, n);
    }
    return Autodiff.record("bmm", out, g -> {
      for (int i = 0; i < batch; i++) {
        if (a.requiresGrad()) {
          // ∂op(A) = ∂C·op(B)ᵀ; when A was used transposed, ∂A = op(B)·∂Cᵀ.
          if (!transA) {
            kernel.gemm(false, !transB, m, k, n, 1f, g, i * sc, n, b.data(), i * sb, ldb,
                1f, a.gradBuffer(), i * sa, lda);
          } else {
            kernel.gemm(transB, true, k, m, n, 1f, b.data(), i * sb, ldb, g, i * sc, n,
                1f, a.gradBuffer(), i * sa, lda);
          }
        }
        if (b.requiresGrad()) {
          // ∂op(B) = op(A)ᵀ·∂C; when B was used transposed, ∂B = ∂Cᵀ·op(A).
          if (!transB) {
            kernel.gemm(!transA, false, k, n, m, 1f, a.data(), i * sa, lda, g, i * sc, n,
                1f, b.gradBuffer(), i * sb, ldb);
          } else {
            kernel.gemm(true, transA, n, k, m, 1f, g, i * sc, n, a.data(), i * sa, lda,
                1f, b.gradBuffer(), i * sb, ldb);
          }
        }
      }
    }, a, b);
  }

  /** Row-major contiguous GEMM shorthand: {@code c = op(a)·op(b) + beta·c}. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k,
                   float[] a, float[] b, float beta, float[] c) {
    Kernels.gemm().gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n,
        beta, c, 0, n);
  }
}

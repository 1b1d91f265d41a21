package dev.attento.core.ops;

import dev.attento.core.kernels.Blas1;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Matrix products on the pass's {@linkplain Kernels#gemm() GEMM}. The backward of
 * {@code C = op(A)·op(B)} is two more GEMMs with the transposes folded into the kernel's
 * flags (e.g. {@code ∂A = ∂C·Bᵀ}, {@code ∂B = Aᵀ·∂C}); nothing is ever transposed in memory.
 */
public final class MatMul {

  private MatMul() {}

  /**
   * {@code a·b} for {@code a} of shape {@code [..., K]} (leading dimensions flattened into
   * rows) and {@code b} of shape {@code [K, N]}; the result has shape {@code [..., N]}.
   */
  public static Tensor matmul(Forward fwd, Tensor a, Tensor b) {
    if (a.rank() < 1 || b.rank() != 2 || a.dim(-1) != b.dim(0)) {
      throw Shapes.mismatch("matmul", a, b);
    }
    int k = b.dim(0);
    int n = b.dim(1);
    int m = k == 0 ? 0 : a.size() / k;
    int[] shape = a.shape();
    shape[shape.length - 1] = n;
    Tensor out = Tensor.of(fwd.floats(m * n), shape);
    Gemm kernel = fwd.kernels().gemm();
    gemm(kernel, false, false, m, n, k, a.data(), b.data(), 0f, out.data());
    return fwd.record("matmul", out, (g, into) -> {
      if (into.wants(a)) {
        gemm(kernel, false, true, m, k, n, g, b.data(), 1f, into.of(a));
      }
      if (into.wants(b)) {
        gemm(kernel, true, false, k, n, m, a.data(), g, 1f, into.of(b));
      }
    }, a, b);
  }

  /**
   * Batched product of rank-3 tensors: {@code out[i] = op(a[i])·op(b[i])}, with
   * {@code op} an optional transpose of the last two dimensions. Attention uses it for
   * scores {@code H·q} and contexts {@code αᵀ·H} over a whole batch.
   */
  public static Tensor bmm(Forward fwd, Tensor a, Tensor b, boolean transA, boolean transB) {
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
    Tensor out = fwd.zeros(batch, m, n);
    Gemm kernel = fwd.kernels().gemm();
    for (int i = 0; i < batch; i++) {
      kernel.gemm(transA, transB, m, n, k, 1f, a.data(), i * sa, lda, b.data(), i * sb, ldb,
          0f, out.data(), i * sc, n);
    }
    return fwd.record("bmm", out, (g, into) -> {
      for (int i = 0; i < batch; i++) {
        if (into.wants(a)) {
          // ∂op(A) = ∂C·op(B)ᵀ; when A was used transposed, ∂A = op(B)·∂Cᵀ.
          if (!transA) {
            kernel.gemm(false, !transB, m, k, n, 1f, g, i * sc, n, b.data(), i * sb, ldb,
                1f, into.of(a), i * sa, lda);
          } else {
            kernel.gemm(transB, true, k, m, n, 1f, b.data(), i * sb, ldb, g, i * sc, n,
                1f, into.of(a), i * sa, lda);
          }
        }
        if (into.wants(b)) {
          // ∂op(B) = op(A)ᵀ·∂C; when B was used transposed, ∂B = ∂Cᵀ·op(A).
          if (!transB) {
            kernel.gemm(!transA, false, k, n, m, 1f, a.data(), i * sa, lda, g, i * sc, n,
                1f, into.of(b), i * sb, ldb);
          } else {
            kernel.gemm(true, transA, n, k, m, 1f, g, i * sc, n, a.data(), i * sa, lda,
                1f, into.of(b), i * sb, ldb);
          }
        }
      }
    }, a, b);
  }

  /**
   * Batched matrix–vector product {@code y[b] = a[b]·x[b]} for {@code a [B, M, K]} and
   * {@code x [B, K]}, giving {@code [B, M]}: attention's scores of every source position
   * against one query per sentence. Each element is one dot product, so nothing is packed.
   */
  public static Tensor bmv(Forward fwd, Tensor a, Tensor x) {
    Shapes.requireRank("bmv", a, 3);
    if (x.rank() != 2 || x.dim(0) != a.dim(0) || x.dim(1) != a.dim(2)) {
      throw Shapes.mismatch("bmv", a, x);
    }
    int batch = a.dim(0);
    int m = a.dim(1);
    int k = a.dim(2);
    Blas1 blas = fwd.kernels().blas1();
    float[] y = fwd.floats(batch * m);
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m; i++) {
        y[b * m + i] = blas.dot(a.data(), (b * m + i) * k, x.data(), b * k, k);
      }
    }
    return fwd.record("bmv", Tensor.of(y, batch, m), (g, into) -> {
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < m; i++) {
          float gi = g[b * m + i];
          if (into.wants(a)) {
            blas.axpy(gi, x.data(), b * k, into.of(a), (b * m + i) * k, k);
          }
          if (into.wants(x)) {
            blas.axpy(gi, a.data(), (b * m + i) * k, into.of(x), b * k, k);
          }
        }
      }
    }, a, x);
  }

  /**
   * Batched vector–matrix product {@code y[b] = w[b]·a[b]} for {@code w [B, M]} and
   * {@code a [B, M, K]}, giving {@code [B, K]}: attention's context, the weighted sum of the
   * source states of each sentence.
   */
  public static Tensor bvm(Forward fwd, Tensor w, Tensor a) {
    Shapes.requireRank("bvm", a, 3);
    if (w.rank() != 2 || w.dim(0) != a.dim(0) || w.dim(1) != a.dim(1)) {
      throw Shapes.mismatch("bvm", w, a);
    }
    int batch = a.dim(0);
    int m = a.dim(1);
    int k = a.dim(2);
    Blas1 blas = fwd.kernels().blas1();
    float[] y = fwd.floats(batch * k);
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m; i++) {
        blas.axpy(w.data()[b * m + i], a.data(), (b * m + i) * k, y, b * k, k);
      }
    }
    return fwd.record("bvm", Tensor.of(y, batch, k), (g, into) -> {
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < m; i++) {
          if (into.wants(w)) {
            into.of(w)[b * m + i] += blas.dot(g, b * k, a.data(), (b * m + i) * k, k);
          }
          if (into.wants(a)) {
            blas.axpy(w.data()[b * m + i], g, b * k, into.of(a), (b * m + i) * k, k);
          }
        }
      }
    }, w, a);
  }

  /** Row-major contiguous GEMM shorthand: {@code c = op(a)·op(b) + beta·c}. */
  static void gemm(Gemm gemm, boolean transA, boolean transB, int m, int n, int k,
                   float[] a, float[] b, float beta, float[] c) {
    gemm.gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n,
        beta, c, 0, n);
  }
}

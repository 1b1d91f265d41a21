package dev.attento.core.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM on the Vector API. Operands are packed into row-major panels (so all four transpose
 * variants share one inner loop), then a register-blocked micro-kernel computes a 4-row ×
 * 2-vector tile of C: per k step it broadcasts four elements of A and multiplies two vectors
 * of B into eight accumulators with fused multiply-adds. The k dimension is cut into blocks
 * of {@link #KC} and the n dimension into panels of {@link #NC} columns so that a packed B
 * panel stays in L2 while the rows of A stream past it. Large products give half their
 * column panels (or rows, for a single panel) to a {@link Helper} thread.
 *
 * <p>Products with one row and a transposed B — {@code x·Wᵀ} at batch 1, i.e. decoding one
 * sentence — skip packing and take dot products along W's contiguous rows.
 */
public final class VectorGemm implements Gemm {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 4;
  private static final int NR = 2 * L;
  private static final int KC = 256;
  private static final int NC = 128;
  /** Below this many multiply-adds packing costs more than it saves. */
  private static final long SMALL = 1L << 15;
  /** Below this many multiply-adds the fork/join overhead outweighs the second core. */
  private static final long PARALLEL_THRESHOLD = 1L << 20;

  private final Helper helper;

  /** A kernel that uses both cores when the machine has more than one. */
  public VectorGemm() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A kernel that uses a second thread for large products when {@code threads > 1}. */
  public VectorGemm(int threads) {
    this.helper = threads > 1 ? new Helper() : null;
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize() + (helper == null ? "" : " x2");
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
                   float alpha, float[] a, int aOff, int lda,
                   float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc) {
    Packing.scale(c, cOff, ldc, m, n, beta);
    if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
      return;
    }
    if (m < MR && transB) {
      rowsTimesTransposed(transA, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    if (n == 1 && !transB && !transA) {
      matrixVector(m, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    if (!transB && (m < MR || (long) m * n * k <= SMALL)) {
      rowsTimesMatrix(transA, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    int panels = (n + NC - 1) / NC;
    boolean parallel = helper != null && (long) m * n * k >= PARALLEL_THRESHOLD;
    if (parallel && panels > 1) {
      int mid = panels / 2;
      helper.runBoth(() -> panels(transA, transB, 0, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, 0, mid),
          () -> panels(transA, transB, 0, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, mid, panels));
    } else if (parallel && m >= 2 * MR) {
      int half = (m / 2 + MR - 1) / MR * MR;
      helper.runBoth(() -> panels(transA, transB, 0, half, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, 0, panels),
          () -> panels(transA, transB, half, m - half, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, 0, panels));
    } else {
      panels(transA, transB, 0, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, 0, panels);
    }
  }

  private static void panels(boolean transA, boolean transB, int i0, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, int from, int to) {
    // Rows [i0, i0+m) of op(A) and C: shift A's origin (along its rows, or columns if transposed) and C's.
    int aShift = transA ? i0 : i0 * lda;
    for (int panel = from; panel < to; panel++) {
      panel(transA, transB, m, n, k, alpha, a, aOff + aShift, lda, b, bOff, ldb, c, cOff + i0 * ldc, ldc, panel);
    }
  }

  /** C[m×1] += alpha·A·b for a column vector b with stride {@code ldb}: dot products along A's rows. */
  private static void matrixVector(int m, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float[] c, int cOff, int ldc) {
    float[] x = b;
    int xOff = bOff;
    if (ldb != 1) {
      x = Packing.scratch(0, k);
      for (int p = 0; p < k; p++) {
        x[p] = b[bOff + p * ldb];
      }
      xOff = 0;
    }
    int kv = k - k % L;
    for (int i = 0; i < m; i++) {
      int ar = aOff + i * lda;
      FloatVector acc = FloatVector.zero(S);
      for (int p = 0; p < kv; p += L) {
        acc = FloatVector.fromArray(S, a, ar + p).fma(FloatVector.fromArray(S, x, xOff + p), acc);
      }
      float s = acc.reduceLanes(VectorOperators.ADD);
      for (int p = kv; p < k; p++) {
        s += a[ar + p] * x[xOff + p];
      }
      c[cOff + i * ldc] += alpha * s;
    }
  }

  /** Columns {@code [panel·NC, …)} of C, all rows, all of k in KC blocks. */
  private static void panel(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, int panel) {
    int j0 = panel * NC;
    int nc = Math.min(NC, n - j0);
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      float[] bp = Packing.scratch(0, kc * nc);
      Packing.pack(transB, b, bOff, ldb, p0, kc, j0, nc, bp);
      float[] ap = Packing.scratch(1, m * kc);
      Packing.pack(transA, a, aOff, lda, 0, m, p0, kc, ap);
      int i = 0;
      for (; i + MR <= m; i += MR) {
        int j = 0;
        for (; j + NR <= nc; j += NR) {
          tile4x2(ap, i, kc, bp, j, nc, alpha, c, cOff + i * ldc + j0 + j, ldc);
        }
        for (int r = 0; r < MR; r++) {
          rowTail(ap, i + r, kc, bp, j, nc, alpha, c, cOff + (i + r) * ldc + j0);
        }
      }
      for (; i < m; i++) {
        rowTail(ap, i, kc, bp, 0, nc, alpha, c, cOff + i * ldc + j0);
      }
    }
  }

  /** The micro-kernel: C[4 × 2L] += alpha · A[4 × kc] · B[kc × 2L]. */
  private static void tile4x2(float[] ap, int i, int kc, float[] bp, int j, int nc, float alpha,
                              float[] c, int cIdx, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    int a0 = i * kc;
    int a1 = a0 + kc;
    int a2 = a1 + kc;
    int a3 = a2 + kc;
    for (int p = 0; p < kc; p++) {
      int bi = p * nc + j;
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
      FloatVector x0 = FloatVector.broadcast(S, ap[a0 + p]);
      c00 = x0.fma(b0, c00);
      c01 = x0.fma(b1, c01);
      FloatVector x1 = FloatVector.broadcast(S, ap[a1 + p]);
      c10 = x1.fma(b0, c10);
      c11 = x1.fma(b1, c11);
      FloatVector x2 = FloatVector.broadcast(S, ap[a2 + p]);
      c20 = x2.fma(b0, c20);
      c21 = x2.fma(b1, c21);
      FloatVector x3 = FloatVector.broadcast(S, ap[a3 + p]);
      c30 = x3.fma(b0, c30);
      c31 = x3.fma(b1, c31);
    }
    accumulate(c, cIdx, c00, c01, alpha);
    accumulate(c, cIdx + ldc, c10, c11, alpha);
    accumulate(c, cIdx + 2 * ldc, c20, c21, alpha);
    accumulate(c, cIdx + 3 * ldc, c30, c31, alpha);
  }

  private static void accumulate(float[] c, int idx, FloatVector v0, FloatVector v1, float alpha) {
    FloatVector.fromArray(S, c, idx).add(v0.mul(alpha)).intoArray(c, idx);
    FloatVector.fromArray(S, c, idx + L).add(v1.mul(alpha)).intoArray(c, idx + L);
  }

  /** One row of C from column {@code j} to the panel's end: vectors, then scalars. */
  private static void rowTail(float[] ap, int i, int kc, float[] bp, int j, int nc, float alpha, float[] c, int cRow) {
    int a0 = i * kc;
    int jj = j;
    for (; jj + L <= nc; jj += L) {
      FloatVector acc = FloatVector.zero(S);
      for (int p = 0; p < kc; p++) {
        acc = FloatVector.broadcast(S, ap[a0 + p]).fma(FloatVector.fromArray(S, bp, p * nc + jj), acc);
      }
      FloatVector.fromArray(S, c, cRow + jj).add(acc.mul(alpha)).intoArray(c, cRow + jj);
    }
    for (; jj < nc; jj++) {
      float s = 0f;
      for (int p = 0; p < kc; p++) {
        s += ap[a0 + p] * bp[p * nc + jj];
      }
      c[cRow + jj] += alpha * s;
    }
  }

  /**
   * Small products and single rows against a plain B: for each (i, p), add op(A)[i,p] times
   * B's contiguous row p into C's row i. No packing, which for attention's per-sentence
   * products (weights · states) would cost more than the multiply.
   */
  private static void rowsTimesMatrix(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    int nv = n - n % L;
    for (int i = 0; i < m; i++) {
      int cr = cOff + i * ldc;
      for (int p = 0; p < k; p++) {
        float av = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
        int br = bOff + p * ldb;
        FloatVector x = FloatVector.broadcast(S, av);
        int j = 0;
        for (; j < nv; j += L) {
          x.fma(FloatVector.fromArray(S, b, br + j), FloatVector.fromArray(S, c, cr + j)).intoArray(c, cr + j);
        }
        for (; j < n; j++) {
          c[cr + j] += av * b[br + j];
        }
      }
    }
  }

  /** A few rows of op(A) against B stored [n, k]: dot products along B's contiguous rows. */
  private static void rowsTimesTransposed(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                          float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    float[] ap = Packing.scratch(1, m * k);
    Packing.pack(transA, a, aOff, lda, 0, m, 0, k, ap);
    int kv = k - k % L;
    for (int i = 0; i < m; i++) {
      int ar = i * k;
      for (int j = 0; j < n; j++) {
        int br = bOff + j * ldb;
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
          acc = FloatVector.fromArray(S, ap, ar + p).fma(FloatVector.fromArray(S, b, br + p), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (int p = kv; p < k; p++) {
          s += ap[ar + p] * b[br + p];
        }
        c[cOff + i * ldc + j] += alpha * s;
      }
    }
  }
}

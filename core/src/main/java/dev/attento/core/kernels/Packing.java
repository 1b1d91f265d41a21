package dev.attento.core.kernels;

/**
 * Copies op(X) into a contiguous row-major buffer. Fast kernels read both operands along
 * rows; packing turns every transpose variant into the one layout the inner loop wants, at a
 * cost of one pass over the operand (O(k·n) against the multiply's O(m·k·n)).
 */
final class Packing {

  private static final int TILE = 16;
  /**
   * Per-thread scratch for packed operands: a pure cache of working memory (nothing in it
   * outlives a call and no result depends on it), so a thread-local is right.
   */
  private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[2][0]);

  private Packing() {}

  /** A per-thread scratch buffer of at least {@code size} floats (slot 0 or 1). */
  static float[] scratch(int slot, int size) {
    float[][] b = BUFFERS.get();
    if (b[slot].length < size) {
      b[slot] = new float[Math.max(size, b[slot].length * 3 / 2)];
    }
    return b[slot];
  }

  /**
   * Writes op(X) rows {@code [r0, r0+rows)} and columns {@code [c0, c0+cols)} into {@code dst}
   * as a row-major {@code rows × cols} block, where op(X) is X ({@code [·, ld]} row-major) or
   * its transpose.
   */
  static void pack(boolean trans, float[] x, int off, int ld, int r0, int rows, int c0, int cols, float[] dst) {
    if (!trans) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(x, off + (r0 + r) * ld + c0, dst, r * cols, cols);
      }
    } else {
      // op(X)[r][c] = X[c][r]. Transpose in 16×16 tiles so that both the rows read from X and
      // the columns written to dst stay in L1 while a tile is copied.
      for (int cb = 0; cb < cols; cb += TILE) {
        int ce = Math.min(cols, cb + TILE);
        for (int rb = 0; rb < rows; rb += TILE) {
          int re = Math.min(rows, rb + TILE);
          for (int c = cb; c < ce; c++) {
            int src = off + (c0 + c) * ld + r0;
            for (int r = rb; r < re; r++) {
              dst[r * cols + c] = x[src + r];
            }
          }
        }
      }
    }
  }

  /** C = beta·C on an m×n block (beta = 0 clears, ignoring NaN as BLAS does). */
  static void scale(float[] c, int off, int ldc, int m, int n, float beta) {
    if (beta == 1f) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = off + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f);
      } else {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }
}

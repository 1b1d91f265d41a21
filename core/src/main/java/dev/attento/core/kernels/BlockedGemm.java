package dev.attento.core.kernels;

/**
 * A pure-Java GEMM without the Vector API, for JVMs started without
 * {@code --add-modules jdk.incubator.vector} (e.g. a bare {@code java -jar}). Operands are
 * packed row-major, then the i-p-j loop order makes the innermost loop a contiguous
 * {@code c[i,:] += a[i,p]·b[p,:]}, which HotSpot's superword pass vectorises.
 */
public final class BlockedGemm implements Gemm {

  private static final int KC = 256;

  @Override
  public String name() {
    return "blocked-scalar";
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
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      float[] bp = Packing.scratch(0, kc * n);
      Packing.pack(transB, b, bOff, ldb, p0, kc, 0, n, bp);
      float[] ap = Packing.scratch(1, m * kc);
      Packing.pack(transA, a, aOff, lda, 0, m, p0, kc, ap);
      for (int i = 0; i < m; i++) {
        int crow = cOff + i * ldc;
        for (int p = 0; p < kc; p++) {
          float av = alpha * ap[i * kc + p];
          int brow = p * n;
          for (int j = 0; j < n; j++) {
            c[crow + j] += av * bp[brow + j];
          }
        }
      }
    }
  }
}

package dev.attento.core.kernels;

/**
 * BLAS level-1 routines on array ranges. Attention's per-sentence products (a score per
 * source position, a weighted sum of states) are hundreds of short dot products and scaled
 * additions; called one at a time through a GEMM they cost more in set-up than in arithmetic,
 * so the batched matrix–vector ops use these directly.
 */
public interface Blas1 {

  /** {@code Σ_i x[xOff+i]·y[yOff+i]} for i in [0, n). */
  float dot(float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code y[yOff+i] += a·x[xOff+i]} for i in [0, n). */
  void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n);
}

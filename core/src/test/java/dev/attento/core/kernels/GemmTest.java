package dev.attento.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.parallel.WorkerPool;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fast kernel against the reference, for all transpose variants, edge sizes, strided
 * operands, offsets and alpha/beta. Tolerance: float32 sums of k products carry a relative
 * rounding error of about k·6e-8 in the worst case (summation order differs from the
 * double-precision reference), so 1e-4·(1 + k/100) relative to the sum of |products| bounds
 * it with a wide margin while any indexing error is O(1).
 */
class GemmTest {

  /** Two threads: products above the kernel's threshold are cut into chunks run on both. */
  private static final WorkerPool TWO_THREADS = WorkerPool.create(2);

  @AfterAll
  static void stopThreads() {
    TWO_THREADS.close();
  }

  static Stream<Arguments> cases() {
    int[][] sizes = {{0, 3, 4}, {1, 1, 1}, {1, 320, 1024}, {2, 7, 3}, {4, 16, 16}, {5, 33, 17}, {7, 65, 130},
        {13, 300, 29}, {64, 64, 64}, {33, 257, 515}, {3, 0, 5}, {300, 270, 40}, {3, 600, 200},
        // a large plain A with few columns, read in place by the one-thread vector kernel; a ragged last panel and strip
        {1027, 1024, 40}};
    Stream.Builder<Arguments> b = Stream.builder();
    for (Gemm g : new Gemm[] {new VectorGemm(), new VectorGemm(TWO_THREADS), new BlockedGemm()}) {
      for (int[] s : sizes) {
        for (int t = 0; t < 4; t++) {
          b.add(Arguments.of(g, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2]));
        }
      }
    }
    return b.build();
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return d;
  }

  @ParameterizedTest(name = "{0} transA={1} transB={2} m={3} k={4} n={5}")
  @MethodSource("cases")
  void matchesTheReference(Gemm kernel, boolean transA, boolean transB, int m, int k, int n) {
    check(kernel, transA, transB, m, k, n, false);
  }

  @ParameterizedTest(name = "{0} transA={1} transB={2} m={3} k={4} n={5}, B packed first")
  @MethodSource("cases")
  void matchesTheReferenceWithAPackedB(Gemm kernel, boolean transA, boolean transB, int m, int k, int n) {
    check(kernel, transA, transB, m, k, n, true);
  }

  private static void check(Gemm kernel, boolean transA, boolean transB, int m, int k, int n, boolean packB) {
    SplittableRandom r = new SplittableRandom(m * 31L + k * 7L + n);
    // Padded leading dimensions and offsets, to catch stride mistakes.
    int lda = (transA ? m : k) + 3;
    int ldb = (transB ? k : n) + 2;
    int ldc = n + 5;
    int aRows = transA ? k : m;
    int bRows = transB ? n : k;
    float[] a = random(r, 7 + aRows * lda);
    float[] b = random(r, 4 + bRows * ldb);
    for (float[] alphaBeta : new float[][] {{1f, 0f}, {0.5f, 1f}, {-2f, 0.25f}}) {
      float[] c = random(r, 2 + m * ldc);
      float[] expected = c.clone();
      if (alphaBeta[1] == 0f) {
        for (int i = 0; i < m; i++) {
          c[2 + i * ldc] = Float.NaN; // beta = 0 must ignore what C held
        }
      }
      new ReferenceGemm().gemm(transA, transB, m, n, k, alphaBeta[0], a, 7, lda, b, 4, ldb, alphaBeta[1], expected, 2, ldc);
      if (packB) {
        Gemm.Packed packed = kernel.pack(transB, k, n, b, 4, ldb);
        kernel.gemm(transA, m, alphaBeta[0], a, 7, lda, packed, alphaBeta[1], c, 2, ldc);
      } else {
        kernel.gemm(transA, transB, m, n, k, alphaBeta[0], a, 7, lda, b, 4, ldb, alphaBeta[1], c, 2, ldc);
      }
      for (int i = 0; i < c.length; i++) {
        boolean inside = i >= 2 && (i - 2) / ldc < m && (i - 2) % ldc < n;
        if (!inside) {
          assertEquals(expected[i], c[i], "element outside C's m×n block was touched at " + i);
          continue;
        }
        double tol = 1e-4 * (1 + k / 100.0) * (Math.abs(alphaBeta[0]) * k + 1);
        assertTrue(Math.abs(expected[i] - c[i]) <= tol, "at " + i + ": expected " + expected[i] + " got " + c[i]);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void aRowAloneAgainstAPackedBIsBitForBitThatRowOfALargerProduct(Gemm kernel) {
    // What keeps a sentence's products the same whether it is decoded alone or in a batch.
    int m = 9;
    int k = 600;
    int n = 200;
    SplittableRandom r = new SplittableRandom(42);
    float[] a = random(r, m * k);
    float[] w = random(r, n * k);
    Gemm.Packed packed = kernel.pack(true, k, n, w, 0, k);
    float[] all = new float[m * n];
    kernel.gemm(false, m, 1f, a, 0, k, packed, 0f, all, 0, n);
    for (int i = 0; i < m; i++) {
      float[] row = new float[n];
      kernel.gemm(false, 1, 1f, a, i * k, k, packed, 0f, row, 0, n);
      assertArrayEquals(java.util.Arrays.copyOfRange(all, i * n, (i + 1) * n), row, 0f, "row " + i);
    }
  }

  @Test
  void aLargeAReadInPlaceGivesThePackedPathsBits() {
    // One thread reads this A in place (1027 × 1030 floats, 40 columns); two threads each take a
    // quarter of its rows, too few to leave the packed path: the same tile sums, so the same bits.
    int m = 1027;
    int k = 1030;
    int n = 40;
    SplittableRandom r = new SplittableRandom(7);
    float[] a = random(r, m * k);
    float[] b = random(r, k * n);
    float[] inPlace = new float[m * n];
    float[] packed = new float[m * n];
    new VectorGemm().gemm(false, false, m, n, k, 0.5f, a, 0, k, b, 0, n, 0f, inPlace, 0, n);
    new VectorGemm(TWO_THREADS).gemm(false, false, m, n, k, 0.5f, a, 0, k, b, 0, n, 0f, packed, 0, n);
    assertArrayEquals(packed, inPlace, 0f);
  }

  static Stream<Gemm> kernels() {
    return Stream.of(new VectorGemm(), new VectorGemm(TWO_THREADS));
  }
}

package dev.attento.core.kernels;

import dev.attento.core.parallel.WorkerPool;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM on the Vector API, in the GotoBLAS/BLIS layout. op(B) is cut into <em>strips</em> of
 * {@link #NR} = two vectors of columns, and each strip is packed for a block of {@link #KC}
 * rows of k as {@code strip[p·NR + j]}; a register-blocked micro-kernel then computes a
 * {@link #MR}-row × 2-vector tile of C, per k step broadcasting four elements of A and
 * multiplying two vectors of the strip into eight accumulators with fused multiply-adds. A is
 * packed likewise, as panels of MR interleaved rows, except a large plain A in a product of few
 * columns, which is read in place ({@link #tileRows}).
 *
 * <p>Why this layout: every index the micro-kernel reads is the loop counter times a
 * compile-time constant plus a loop invariant ({@code p·NR + j}, {@code rowStart + p}), which
 * is what lets C2 hoist the array bounds checks out of the loop; with a run-time stride the
 * checks stayed in and took a third of the time. A packed strip ({@code KC·NR} floats, 32 KB
 * at 512 bits) stays in L1 while all panels of A stream past it. Zero padding of ragged
 * panels and strips lets one micro-kernel serve every edge.
 *
 * <p>Large products are cut into a few chunks per thread of strips (or, for a transposed A, of
 * rows, so that each core packs only the rows it computes) shared out on the kernel's
 * {@link WorkerPool}; a kernel made without a pool runs on its caller alone (what each shard of
 * a data-parallel batch uses). Products with a single row or
 * very few multiply-adds skip packing altogether (see the small-product paths below).
 */
public final class VectorGemm implements Gemm {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 4;
  private static final int NR = 2 * L;
  private static final int KC = 256;
  /** Rows of A packed at a time: {@code MC·KC} floats (256 KB) stay in L2 while the strips pass. */
  private static final int MC = 256;
  /** Block of k in the transposing packs: 16 rows of floats are 16 cache lines. */
  private static final int PB = 16;
  /**
   * A plain A of at least this many floats (4 MB, beyond L2) in a product of at most
   * {@link #IN_PLACE_MAX_N} columns is read in place rather than packed (see {@link #tileRows}).
   */
  private static final long IN_PLACE_MIN_A = 1L << 20;
  /** See {@link #IN_PLACE_MIN_A}: with few columns each packed element of A would serve few multiply-adds. */
  private static final int IN_PLACE_MAX_N = 128;
  /** Below this many multiply-adds packing costs more than it saves. */
  private static final long SMALL = 1L << 15;
  /** Below this many multiply-adds sharing a product out costs more than it saves. */
  private static final long PARALLEL_THRESHOLD = 1L << 20;
  /**
   * Pieces per thread a parallel product is cut into, claimed by whichever thread is free: a
   * few per thread, so that none waits long for another on a busy machine.
   */
  private static final int CHUNKS_PER_THREAD = 2;
  /**
   * The same for matrix–vector products, which are bound by reading the matrix, not by
   * arithmetic. Below 2^17 multiply-adds (a few microseconds: every product of a hidden-128
   * model) the other core's half is not worth moving the operands between the cores: with
   * 2^16, one sentence of the default model at beam 4 took 1.40–1.77 ms on two threads against
   * 1.08–1.30 on one; with 2^17, 1.17–1.30 on both (bench/probes/ThreadsProbe.java, idle machine).
   */
  private static final long GEMV_PARALLEL_THRESHOLD = 1L << 17;

  /**
   * Per-thread scratch: the packed strip, the packed panels of A, and a tile for ragged edges.
   * A pure cache of working memory (nothing in it outlives a call), so a thread-local is right.
   */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[][] {new float[KC * NR], new float[0], new float[MR * NR]});

  /** The pool large products are shared out on, or {@code null} to run on the caller alone. */
  private final WorkerPool pool;

  /** A kernel that runs on its caller alone. */
  public VectorGemm() {
    this(null);
  }

  /** A kernel that shares large products out on {@code pool} ({@code null}: the caller alone). */
  public VectorGemm(WorkerPool pool) {
    this.pool = pool == null || pool.threads() == 1 ? null : pool;
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public Gemm withPool(WorkerPool pool) {
    return new VectorGemm(pool);
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
      // x·Wᵀ for one sentence: W streams from cache once per step, so split its rows.
      perThread((long) m * n * k, n, (j0, j1) -> rowsTimesTransposed(transA, m, j1 - j0, k, alpha, a, aOff, lda,
          b, bOff + j0 * ldb, ldb, c, cOff + j0, ldc));
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
    blocked(new Block(transA, transB, k, alpha, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc), m, n, k);
  }

  /**
   * Packs op(B) into the strips {@link Block#compute} reads, for every k block, once: strip
   * {@code s} of k block {@code kb} starts at {@code (kb·strips + s)·KC·NR}.
   */
  @Override
  public Packed pack(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
    int strips = (n + NR - 1) / NR;
    int blocks = (k + KC - 1) / KC;
    float[] data = new float[blocks * strips * KC * NR];
    float[] strip = new float[KC * NR];
    for (int kb = 0; kb < blocks; kb++) {
      int kc = Math.min(KC, k - kb * KC);
      for (int s = 0; s < strips; s++) {
        packStrip(transB, b, bOff, ldb, kb * KC, kc, s * NR, Math.min(NR, n - s * NR), strip);
        System.arraycopy(strip, 0, data, stripAt(kb, strips, s), kc * NR);
      }
    }
    return new Packed(transB, k, n, b, bOff, ldb, new Strips(data));
  }

  /** What {@link #pack} prepares. */
  private record Strips(float[] data) {}

  /** Where strip {@code s} of k block {@code kb} starts in {@link #pack}'s layout. */
  private static int stripAt(int kb, int strips, int s) {
    return (kb * strips + s) * KC * NR;
  }

  @Override
  public void gemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda, Packed b,
                   float beta, float[] c, int cOff, int ldc) {
    int n = b.n();
    int k = b.k();
    if (b.prepared() instanceof Strips few && m < MR && !transA && m > 0 && n > 0 && k > 0) {
      // One sentence's x·Wᵀ against a prepacked W: no reductions across lanes, as in the tile.
      Packing.scale(c, cOff, ldc, m, n, beta);
      if (alpha != 0f) {
        perThread((long) m * n * k, (n + NR - 1) / NR,
            (s0, s1) -> rowsTimesStrips(m, n, k, alpha, a, aOff, lda, few.data(), c, cOff, ldc, s0, s1));
      }
      return;
    }
    if (!(b.prepared() instanceof Strips strips) || m < MR || (long) m * n * k <= SMALL) {
      gemm(transA, b.transB(), m, n, k, alpha, a, aOff, lda, b.b(), b.bOff(), b.ldb(), beta, c, cOff, ldc);
      return;
    }
    Packing.scale(c, cOff, ldc, m, n, beta);
    if (alpha == 0f) {
      return;
    }
    blocked(new Block(transA, b.transB(), k, alpha, a, aOff, lda, b.b(), b.bOff(), b.ldb(), strips.data(), c, cOff, ldc),
        m, n, k);
  }

  /** Work on items {@code [from, to)} of a product's output. */
  private interface Range {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, items)}, split into one near-equal part per thread when
   * the product does at least {@link #GEMV_PARALLEL_THRESHOLD} multiply-adds: matrix–vector
   * products are bound by reading the matrix, so each core reads its part of it.
   */
  private void perThread(long work, int items, Range body) {
    if (pool != null && work >= GEMV_PARALLEL_THRESHOLD && items >= 2) {
      int parts = Math.min(pool.threads(), items);
      pool.forEach(parts, q -> body.run(part(items, parts, q), part(items, parts, q + 1)));
    } else {
      body.run(0, items);
    }
  }

  /**
   * A few rows of A times prepacked strips {@code [s0, s1)}, with the micro-kernel's summation
   * (per k block from zero, then {@code c += alpha·sum}): each row of C comes out bit for bit
   * as the same row of a larger product, so a sentence's products are the same alone as in a
   * batch. Four strips at a time give eight independent FMA chains.
   */
  private static void rowsTimesStrips(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] packed,
                                      float[] c, int cOff, int ldc, int s0, int s1) {
    int strips = (n + NR - 1) / NR;
    int full = Math.min(s1, n / NR); // strips [s0, full) are NR wide
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      int kb = p0 / KC;
      for (int r = 0; r < m; r++) {
        int ar = aOff + r * lda + p0;
        int cr = cOff + r * ldc;
        int s = s0;
        for (; s + 4 <= full; s += 4) {
          fourStrips(a, ar, kc, packed, stripAt(kb, strips, s), alpha, c, cr + s * NR);
        }
        for (; s < s1; s++) {
          oneStrip(a, ar, kc, packed, stripAt(kb, strips, s), alpha, c, cr + s * NR, Math.min(NR, n - s * NR));
        }
      }
    }
  }

  /** c[4·NR] += alpha · x[kc] · (four consecutive strips of one k block). */
  private static void fourStrips(float[] x, int x0, int kc, float[] packed, int s0, float alpha, float[] c, int cIdx) {
    final int next = KC * NR;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      FloatVector xv = FloatVector.broadcast(S, x[x0 + p]);
      int o = s0 + p * NR;
      c00 = xv.fma(FloatVector.fromArray(S, packed, o), c00);
      c01 = xv.fma(FloatVector.fromArray(S, packed, o + L), c01);
      c10 = xv.fma(FloatVector.fromArray(S, packed, o + next), c10);
      c11 = xv.fma(FloatVector.fromArray(S, packed, o + next + L), c11);
      c20 = xv.fma(FloatVector.fromArray(S, packed, o + 2 * next), c20);
      c21 = xv.fma(FloatVector.fromArray(S, packed, o + 2 * next + L), c21);
      c30 = xv.fma(FloatVector.fromArray(S, packed, o + 3 * next), c30);
      c31 = xv.fma(FloatVector.fromArray(S, packed, o + 3 * next + L), c31);
    }
    accumulate(c, cIdx, c00, c01, alpha);
    accumulate(c, cIdx + NR, c10, c11, alpha);
    accumulate(c, cIdx + 2 * NR, c20, c21, alpha);
    accumulate(c, cIdx + 3 * NR, c30, c31, alpha);
  }

  /** c[nr] += alpha · x[kc] · strip, a ragged last strip summed as {@link Block#compute} sums its edge. */
  private static void oneStrip(float[] x, int x0, int kc, float[] packed, int s0, float alpha, float[] c, int cIdx,
                               int nr) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      FloatVector xv = FloatVector.broadcast(S, x[x0 + p]);
      c0 = xv.fma(FloatVector.fromArray(S, packed, s0 + p * NR), c0);
      c1 = xv.fma(FloatVector.fromArray(S, packed, s0 + p * NR + L), c1);
    }
    if (nr == NR) {
      accumulate(c, cIdx, c0, c1, alpha);
      return;
    }
    float[] edge = new float[NR];
    accumulate(edge, 0, c0, c1, alpha);
    for (int j = 0; j < nr; j++) {
      c[cIdx + j] += edge[j];
    }
  }

  /** The packed path, shared out between the cores when the product is large enough. */
  private void blocked(Block all, int m, int n, int k) {
    boolean transA = all.transA();
    int strips = (n + NR - 1) / NR;
    boolean parallel = pool != null && (long) m * n * k >= PARALLEL_THRESHOLD;
    int chunks = parallel ? CHUNKS_PER_THREAD * pool.threads() : 1;
    boolean splitRows = transA || strips < 2 * chunks;
    int panels = (m + MR - 1) / MR;
    if (parallel && splitRows && panels >= 2) {
      // A transposed A is packed by whoever computes its rows, so rows are shared out.
      int rowChunks = Math.min(chunks, panels);
      pool.forEach(rowChunks, q -> all.compute(part(panels, rowChunks, q) * MR,
          Math.min(m, part(panels, rowChunks, q + 1) * MR), n, 0, strips));
    } else if (parallel && !splitRows) {
      pool.forEach(chunks, q -> all.compute(0, m, n, part(strips, chunks, q), part(strips, chunks, q + 1)));
    } else {
      all.compute(0, m, n, 0, strips);
    }
  }

  /** Where the {@code q}-th of {@code chunks} near-equal parts of {@code total} items starts. */
  private static int part(int total, int chunks, int q) {
    return (int) ((long) total * q / chunks);
  }

  /**
   * The operands of one product; {@link #compute} does a rectangle of C's tiles. {@code packed}
   * holds op(B)'s strips prepared by {@link #pack}, or is {@code null} to pack them here.
   */
  private record Block(boolean transA, boolean transB, int k, float alpha, float[] a, int aOff, int lda,
                       float[] b, int bOff, int ldb, float[] packed, float[] c, int cOff, int ldc) {

    /** Rows {@code [i0, i1)} of C, strips {@code [s0, s1)}: k in blocks of KC, rows in blocks of MC. */
    void compute(int i0, int i1, int n, int s0, int s1) {
      float[][] scratch = SCRATCH.get();
      float[] strip = scratch[0];
      float[] edge = scratch[2];
      int panelsMax = (Math.min(MC, i1 - i0) + MR - 1) / MR;
      if (scratch[1].length < panelsMax * MR * KC) {
        scratch[1] = new float[panelsMax * MR * KC];
      }
      float[] ap = scratch[1];
      boolean inPlace = !transA && n <= IN_PLACE_MAX_N && (long) (i1 - i0) * k >= IN_PLACE_MIN_A;
      for (int p0 = 0; p0 < k; p0 += KC) {
        int kc = Math.min(KC, k - p0);
        for (int ic = i0; ic < i1; ic += MC) {
          int rows = Math.min(MC, i1 - ic);
          int panels = (rows + MR - 1) / MR;
          int full = rows / MR;
          if (!inPlace) {
            packPanels(transA, a, aOff, lda, ic, rows, p0, kc, ap);
          } else if (full < panels) {
            // A plain A is read in place (tileRows); only a ragged last panel is packed, as panel 0.
            packPanels(false, a, aOff, lda, ic + full * MR, rows - full * MR, p0, kc, ap);
          }
          for (int s = s0; s < s1; s++) {
            int j0 = s * NR;
            int nr = Math.min(NR, n - j0);
            float[] bp = strip;
            int bpOff = 0;
            if (packed != null) {
              bp = packed;
              bpOff = stripAt(p0 / KC, (n + NR - 1) / NR, s);
            } else {
              packStrip(transB, b, bOff, ldb, p0, kc, j0, nr, strip);
            }
            int cRow = cOff + ic * ldc + j0;
            for (int q = 0; q < panels; q++) {
              int mr = Math.min(MR, rows - q * MR);
              // Packed: every panel (at q·MR·kc), or, reading A in place, only a ragged last one (at 0).
              boolean packedA = !inPlace || mr < MR;
              int panel = inPlace ? 0 : q * MR * kc;
              int aRow = aOff + (ic + q * MR) * lda + p0;
              if (mr == MR && nr == NR) {
                tileOf(packedA, ap, panel, a, aRow, lda, kc, bp, bpOff, alpha, c, cRow + q * MR * ldc, ldc);
              } else {
                java.util.Arrays.fill(edge, 0f);
                tileOf(packedA, ap, panel, a, aRow, lda, kc, bp, bpOff, alpha, edge, 0, NR);
                for (int r = 0; r < mr; r++) {
                  for (int j = 0; j < nr; j++) {
                    c[cRow + (q * MR + r) * ldc + j] += edge[r * NR + j];
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Packs op(A) rows {@code [i0, i0+rows)} and columns {@code [p0, p0+kc)} as panels of MR
   * interleaved rows, {@code panel[p·MR + r]}, zero-padding a ragged last panel. A transposed
   * A is read in blocks of {@link #PB} of its rows, so that both the rows read and the panel
   * segments written stay in L1: column by column, a large leading dimension would touch a
   * new page and the same cache set at every element.
   */
  private static void packPanels(boolean trans, float[] a, int off, int lda, int i0, int rows, int p0, int kc,
                                 float[] ap) {
    int panels = (rows + MR - 1) / MR;
    if (trans) {
      for (int pb = 0; pb < kc; pb += PB) {
        int pe = Math.min(kc, pb + PB);
        for (int q = 0; q < panels; q++) {
          int mr = Math.min(MR, rows - q * MR);
          int i = i0 + q * MR;
          for (int p = pb; p < pe; p++) {
            int src = off + (p0 + p) * lda + i;
            int dst = q * MR * kc + p * MR;
            for (int r = 0; r < mr; r++) {
              ap[dst + r] = a[src + r];
            }
            for (int r = mr; r < MR; r++) {
              ap[dst + r] = 0f;
            }
          }
        }
      }
      return;
    }
    for (int q = 0; q < panels; q++) {
      int base = q * MR * kc;
      int mr = Math.min(MR, rows - q * MR);
      for (int r = 0; r < MR; r++) {
        if (r < mr) {
          int src = off + (i0 + q * MR + r) * lda + p0;
          for (int p = 0; p < kc; p++) {
            ap[base + p * MR + r] = a[src + p];
          }
        } else {
          for (int p = 0; p < kc; p++) {
            ap[base + p * MR + r] = 0f;
          }
        }
      }
    }
  }

  /**
   * Packs op(B) rows {@code [p0, p0+kc)} and columns {@code [j0, j0+nr)} as
   * {@code strip[p·NR + j]}, zero-padding a ragged last strip to the full width. A transposed
   * B is read in blocks of {@link #PB} along k, for the same reason as in {@link #packPanels}.
   */
  private static void packStrip(boolean trans, float[] b, int off, int ld, int p0, int kc, int j0, int nr,
                                float[] strip) {
    if (!trans) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, off + (p0 + p) * ld + j0, strip, p * NR, nr);
      }
    } else {
      // op(B)[p][j] = B[j][p]: rows of B along p, down the columns of the strip.
      for (int pb = 0; pb < kc; pb += PB) {
        int pe = Math.min(kc, pb + PB);
        for (int j = 0; j < nr; j++) {
          int src = off + (j0 + j) * ld + p0;
          for (int p = pb; p < pe; p++) {
            strip[p * NR + j] = b[src + p];
          }
        }
      }
    }
    if (nr < NR) {
      for (int p = 0; p < kc; p++) {
        java.util.Arrays.fill(strip, p * NR + nr, p * NR + NR, 0f);
      }
    }
  }

  /** The micro-kernel: C[MR × NR] += alpha · panel[kc × MR]ᵀ · strip[kc × NR], the strip from {@code s0}. */
  private static void tile(float[] ap, int a0, int kc, float[] strip, int s0, float alpha, float[] c, int cIdx, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, strip, s0 + p * NR);
      FloatVector b1 = FloatVector.fromArray(S, strip, s0 + p * NR + L);
      int ai = a0 + p * MR;
      FloatVector x = FloatVector.broadcast(S, ap[ai]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    accumulate(c, cIdx, c00, c01, alpha);
    accumulate(c, cIdx + ldc, c10, c11, alpha);
    accumulate(c, cIdx + 2 * ldc, c20, c21, alpha);
    accumulate(c, cIdx + 3 * ldc, c30, c31, alpha);
  }

  /** {@link #tile} of the packed panel at {@code panel} if {@code packedA}, else {@link #tileRows} of A in place. */
  private static void tileOf(boolean packedA, float[] ap, int panel, float[] a, int aRow, int lda, int kc,
                             float[] strip, int s0, float alpha, float[] c, int cIdx, int ldc) {
    if (packedA) {
      tile(ap, panel, kc, strip, s0, alpha, c, cIdx, ldc);
    } else {
      tileRows(a, aRow, lda, kc, strip, s0, alpha, c, cIdx, ldc);
    }
  }

  /**
   * {@link #tile} reading four rows of a plain A in place ({@code a[a0 + r·lda + p]}) instead of
   * a packed panel: the same multiply-adds in the same order, so the same bits. Packing A
   * costs a pass over it per k block, which a product with few columns (n of 128 against k of
   * thousands, as the gradient through a large output layer) cannot earn back; four row
   * streams with the counter as their only varying index keep the bounds checks out of the loop.
   */
  private static void tileRows(float[] a, int a0, int lda, int kc, float[] strip, int s0, float alpha, float[] c,
                               int cIdx, int ldc) {
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, strip, s0 + p * NR);
      FloatVector b1 = FloatVector.fromArray(S, strip, s0 + p * NR + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    accumulate(c, cIdx, c00, c01, alpha);
    accumulate(c, cIdx + ldc, c10, c11, alpha);
    accumulate(c, cIdx + 2 * ldc, c20, c21, alpha);
    accumulate(c, cIdx + 3 * ldc, c30, c31, alpha);
  }

  private static void accumulate(float[] c, int idx, FloatVector v0, FloatVector v1, float alpha) {
    FloatVector al = FloatVector.broadcast(S, alpha);
    v0.fma(al, FloatVector.fromArray(S, c, idx)).intoArray(c, idx);
    v1.fma(al, FloatVector.fromArray(S, c, idx + L)).intoArray(c, idx + L);
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
    for (int i = 0; i < m; i++) {
      c[cOff + i * ldc] += alpha * VectorBlas1.dotProduct(a, aOff + i * lda, x, xOff, k);
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
    for (int i = 0; i < m; i++) {
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        dot4(ap, i * k, b, bOff + j * ldb, ldb, k, alpha, c, cOff + i * ldc + j);
      }
      for (; j < n; j++) {
        c[cOff + i * ldc + j] += alpha * VectorBlas1.dotProduct(ap, i * k, b, bOff + j * ldb, k);
      }
    }
  }

  /**
   * Four dot products of x with consecutive rows of B at once: four independent chains of
   * fused multiply-adds instead of one keep the FMA units busy while the rows stream in
   * (one chain is bound by the FMA latency), and x is loaded once for all four. Each result
   * is summed exactly as {@link VectorBlas1#dotProduct} sums it.
   */
  private static void dot4(float[] x, int xOff, float[] b, int bOff, int ldb, int k, float alpha, float[] c, int cIdx) {
    int kv = k - k % L;
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int r1 = bOff + ldb;
    int r2 = r1 + ldb;
    int r3 = r2 + ldb;
    for (int p = 0; p < kv; p += L) {
      FloatVector xv = FloatVector.fromArray(S, x, xOff + p);
      s0 = FloatVector.fromArray(S, b, bOff + p).fma(xv, s0);
      s1 = FloatVector.fromArray(S, b, r1 + p).fma(xv, s1);
      s2 = FloatVector.fromArray(S, b, r2 + p).fma(xv, s2);
      s3 = FloatVector.fromArray(S, b, r3 + p).fma(xv, s3);
    }
    float d0 = VectorBlas1.sum(s0);
    float d1 = VectorBlas1.sum(s1);
    float d2 = VectorBlas1.sum(s2);
    float d3 = VectorBlas1.sum(s3);
    for (int p = kv; p < k; p++) {
      float xp = x[xOff + p];
      d0 += xp * b[bOff + p];
      d1 += xp * b[r1 + p];
      d2 += xp * b[r2 + p];
      d3 += xp * b[r3 + p];
    }
    c[cIdx] += alpha * d0;
    c[cIdx + 1] += alpha * d1;
    c[cIdx + 2] += alpha * d2;
    c[cIdx + 3] += alpha * d3;
  }
}

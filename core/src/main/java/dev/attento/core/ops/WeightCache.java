package dev.attento.core.ops;

import dev.attento.core.tensor.Tensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A region of code in which parameters do not change — a forward pass, a decoding call — so
 * ops may keep forms derived from them. {@link Linear} keeps the transpose of its weight:
 * {@code x·Wᵀ} with W stored {@code [out, in]} then runs as a plain {@code A·B} product, whose
 * packing is a copy, instead of transposing W inside the GEMM at every time step of a decoder
 * (25 times per batch for the same W).
 *
 * <p>Only parameters (leaf tensors that require a gradient) are cached, keyed by identity,
 * and the cache is dropped when the region closes, so an optimizer step or a finite-difference
 * perturbation outside the region is always seen. Regions nest; the outermost one owns the
 * cache. A region is per thread; {@link #join} shares one with another thread.
 */
public final class WeightCache implements AutoCloseable {

  private static final ThreadLocal<WeightCache> CURRENT = new ThreadLocal<>();

  private final Map<float[], float[]> transposes;
  private final boolean owner;
  private boolean closed;

  private WeightCache(Map<float[], float[]> transposes, boolean owner) {
    this.transposes = transposes;
    this.owner = owner;
  }

  /** The region open on this thread, or {@code null}: hand it to {@link #join} on other threads. */
  public static WeightCache current() {
    return CURRENT.get();
  }

  /**
   * Opens on this thread a part of {@code region} (which may be {@code null} for a fresh
   * one), sharing its cache: how the halves of a batch decoded on two cores use the
   * transposes made once.
   */
  public static WeightCache join(WeightCache region) {
    if (region == null || CURRENT.get() != null) {
      return open();
    }
    WeightCache part = new WeightCache(region.transposes, true);
    CURRENT.set(part);
    return part;
  }

  /** Opens a region; use with try-with-resources. */
  public static WeightCache open() {
    WeightCache outer = CURRENT.get();
    if (outer != null) {
      return new WeightCache(outer.transposes, false);
    }
    WeightCache c = new WeightCache(new ConcurrentHashMap<>(), true);
    CURRENT.set(c);
    return c;
  }

  /**
   * The transpose {@code [in, out]} of a parameter {@code weight [out, in]}, made once per
   * region, or {@code null} outside a region or for a tensor that is not a parameter.
   */
  static float[] transposed(Tensor weight) {
    WeightCache c = CURRENT.get();
    if (c == null || weight.node() != null || !weight.requiresGrad() || weight.rank() != 2) {
      return null;
    }
    return c.transposes.computeIfAbsent(weight.data(), w -> transpose(w, weight.dim(0), weight.dim(1)));
  }

  /** The transpose of a {@code [rows, cols]} weight: the region's copy if one is open, else a fresh one. */
  public static float[] transposeOf(Tensor weight) {
    float[] t = transposed(weight);
    return t != null ? t : transpose(weight.data(), weight.dim(0), weight.dim(1));
  }

  /** {@code [rows, cols]} → {@code [cols, rows]}, in 16×16 tiles so both sides stay in cache. */
  private static float[] transpose(float[] w, int rows, int cols) {
    float[] t = new float[w.length];
    for (int i0 = 0; i0 < rows; i0 += 16) {
      for (int j0 = 0; j0 < cols; j0 += 16) {
        for (int i = i0; i < Math.min(rows, i0 + 16); i++) {
          for (int j = j0; j < Math.min(cols, j0 + 16); j++) {
            t[j * rows + i] = w[i * cols + j];
          }
        }
      }
    }
    return t;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (owner) {
        CURRENT.remove();
      }
    }
  }
}

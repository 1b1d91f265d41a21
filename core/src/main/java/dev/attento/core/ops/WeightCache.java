package dev.attento.core.ops;

import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A region of code in which parameters do not change — a forward pass, a decoding call — so
 * ops may keep forms derived from them. {@link Linear} keeps its weight packed for the GEMM
 * ({@link Gemm#pack}, as {@code Wᵀ}): {@code x·Wᵀ} with W stored {@code [out, in]} then reads
 * ready strips at every time step of a decoder, instead of transposing and packing the same W
 * inside the GEMM 25 times per batch.
 *
 * <p>Only parameters (leaf tensors that require a gradient) are cached, keyed by identity,
 * and the cache is dropped when the region closes, so an optimizer step or a finite-difference
 * perturbation outside the region is always seen. Regions nest; the outermost one owns the
 * cache. A region is per thread; {@link #join} shares one with another thread.
 */
public final class WeightCache implements AutoCloseable {

  private static final ThreadLocal<WeightCache> CURRENT = new ThreadLocal<>();

  private final Map<float[], Gemm.Packed> packed;
  private final boolean owner;
  private boolean closed;

  private WeightCache(Map<float[], Gemm.Packed> packed, boolean owner) {
    this.packed = packed;
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
    WeightCache part = new WeightCache(region.packed, true);
    CURRENT.set(part);
    return part;
  }

  /** Opens a region; use with try-with-resources. */
  public static WeightCache open() {
    WeightCache outer = CURRENT.get();
    if (outer != null) {
      return new WeightCache(outer.packed, false);
    }
    WeightCache c = new WeightCache(new ConcurrentHashMap<>(), true);
    CURRENT.set(c);
    return c;
  }

  /**
   * {@code Wᵀ} packed by the current GEMM kernel, for a parameter {@code weight [out, in]},
   * made once per region, or {@code null} outside a region or for a tensor that is not a
   * parameter.
   */
  public static Gemm.Packed packedTranspose(Tensor weight) {
    WeightCache c = CURRENT.get();
    if (c == null || weight.node() != null || !weight.requiresGrad() || weight.rank() != 2) {
      return null;
    }
    return c.packed.computeIfAbsent(weight.data(), w -> pack(weight));
  }

  /** {@code Wᵀ} packed: the region's if one is open, else a fresh one. */
  public static Gemm.Packed packedTransposeOf(Tensor weight) {
    Gemm.Packed p = packedTranspose(weight);
    return p != null ? p : pack(weight);
  }

  private static Gemm.Packed pack(Tensor weight) {
    int out = weight.dim(0);
    int in = weight.dim(1);
    return Kernels.gemm().pack(true, in, out, weight.data(), 0, in);
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

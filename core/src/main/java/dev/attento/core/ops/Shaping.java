package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that move data without arithmetic: reshape, concat, slice, split, stack and
 * transpose. Every one is "copy a block along an axis", so they share one view of a tensor
 * as {@code [outer, axis, inner]} and their backwards copy the gradient blocks back.
 */
public final class Shaping {

  private Shaping() {}

  /** Same data, new shape (the element count must not change). Shares the data array. */
  public static Tensor reshape(Forward fwd, Tensor x, int... shape) {
    if (Shapes.size(shape) != x.size()) {
      throw new IllegalArgumentException("reshape: cannot view " + Shapes.toString(x.shape())
          + " as " + Shapes.toString(shape));
    }
    Tensor out = Tensor.of(x.data(), shape);
    return fwd.record("reshape", out, (g, into) -> Arithmetic.addInto(into.of(x), g), x);
  }

  /** Joins tensors along {@code axis}; all other dimensions must agree. */
  public static Tensor concat(Forward fwd, int axis, List<Tensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat: no tensors");
    }
    int[] shape = parts.get(0).shape();
    int ax = Shapes.axis(axis, shape.length, "concat");
    int sum = 0;
    for (Tensor p : parts) {
      int[] s = p.shape();
      s[ax] = shape[ax];
      if (!Arrays.equals(s, shape)) {
        throw Shapes.mismatch("concat(fwd, axis " + ax + ")", parts.get(0), p);
      }
      sum += p.dim(ax);
    }
    int total = sum;
    int outer = Shapes.size(shape, 0, ax);
    int inner = Shapes.size(shape, ax + 1, shape.length);
    int[] outShape = shape.clone();
    outShape[ax] = total;
    float[] y = fwd.floats(outer * total * inner);
    int offset = 0;
    int[] offsets = new int[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      Tensor p = parts.get(i);
      offsets[i] = offset;
      copyBlocks(p.data(), 0, p.dim(ax) * inner, y, offset * inner, total * inner, outer, p.dim(ax) * inner);
      offset += p.dim(ax);
    }
    Tensor[] inputs = parts.toArray(new Tensor[0]);
    return fwd.record("concat", Tensor.of(y, outShape), (g, into) -> {
      for (int i = 0; i < inputs.length; i++) {
        Tensor p = inputs[i];
        if (into.wants(p)) {
          int width = p.dim(ax) * inner;
          addBlocks(g, offsets[i] * inner, total * inner, into.of(p), 0, width, outer, width);
        }
      }
    }, inputs);
  }

  /** Concatenation of two tensors along {@code axis}. */
  public static Tensor concat(Forward fwd, int axis, Tensor a, Tensor b) {
    return concat(fwd, axis, List.of(a, b));
  }

  /** Elements {@code [from, to)} along {@code axis}. */
  public static Tensor slice(Forward fwd, Tensor x, int axis, int from, int to) {
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length, "slice");
    if (from < 0 || to > shape[ax] || from > to) {
      throw new IllegalArgumentException("slice: range [" + from + ", " + to + ") out of bounds for axis "
          + ax + " of " + Shapes.toString(shape));
    }
    int outer = Shapes.size(shape, 0, ax);
    int inner = Shapes.size(shape, ax + 1, shape.length);
    int[] outShape = shape.clone();
    outShape[ax] = to - from;
    int width = (to - from) * inner;
    int stride = shape[ax] * inner;
    float[] y = fwd.floats(outer * width);
    copyBlocks(x.data(), from * inner, stride, y, 0, width, outer, width);
    return fwd.record("slice", Tensor.of(y, outShape),
        (g, into) -> addBlocks(g, 0, width, into.of(x), from * inner, stride, outer, width), x);
  }

  /** Cuts {@code x} along {@code axis} into consecutive pieces of the given sizes. */
  public static List<Tensor> split(Forward fwd, Tensor x, int axis, int... sizes) {
    int ax = Shapes.axis(axis, x.rank(), "split");
    int sum = Arrays.stream(sizes).sum();
    if (sum != x.dim(ax)) {
      throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " do not add up to "
          + x.dim(ax) + " along axis " + ax + " of " + Shapes.toString(x.shape()));
    }
    Tensor[] out = new Tensor[sizes.length];
    int from = 0;
    for (int i = 0; i < sizes.length; i++) {
      out[i] = slice(fwd, x, ax, from, from + sizes[i]);
      from += sizes[i];
    }
    return List.of(out);
  }

  /** The {@code index}-th sub-tensor along {@code axis}, with that dimension removed. */
  public static Tensor select(Forward fwd, Tensor x, int axis, int index) {
    int ax = Shapes.axis(axis, x.rank(), "select");
    int[] shape = x.shape();
    int[] outShape = new int[shape.length - 1];
    System.arraycopy(shape, 0, outShape, 0, ax);
    System.arraycopy(shape, ax + 1, outShape, ax, shape.length - ax - 1);
    return reshape(fwd, slice(fwd, x, ax, index, index + 1), outShape);
  }

  /** Stacks equally shaped tensors along a new dimension {@code axis} (e.g. time steps). */
  public static Tensor stack(Forward fwd, int axis, List<Tensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("stack: no tensors");
    }
    int[] shape = parts.get(0).shape();
    int ax = axis < 0 ? shape.length + 1 + axis : axis;
    if (ax < 0 || ax > shape.length) {
      throw new IllegalArgumentException("stack: axis " + axis + " out of range for rank " + shape.length);
    }
    int[] unsqueezed = new int[shape.length + 1];
    System.arraycopy(shape, 0, unsqueezed, 0, ax);
    unsqueezed[ax] = 1;
    System.arraycopy(shape, ax, unsqueezed, ax + 1, shape.length - ax);
    Tensor[] views = new Tensor[parts.size()];
    for (int i = 0; i < views.length; i++) {
      Shapes.requireSame("stack", parts.get(0), parts.get(i));
      views[i] = reshape(fwd, parts.get(i), unsqueezed);
    }
    return concat(fwd, ax, List.of(views));
  }

  /** Swaps two dimensions (copying), e.g. {@code [B, T, H]} to {@code [T, B, H]}. */
  public static Tensor transpose(Forward fwd, Tensor x, int axis0, int axis1) {
    int rank = x.rank();
    int a0 = Shapes.axis(axis0, rank, "transpose");
    int a1 = Shapes.axis(axis1, rank, "transpose");
    int[] shape = x.shape();
    int[] outShape = shape.clone();
    outShape[a0] = shape[a1];
    outShape[a1] = shape[a0];
    int[] perm = new int[x.size()];
    int[] inStrides = strides(shape);
    int[] idx = new int[rank];
    for (int o = 0; o < perm.length; o++) {
      // idx is the output index; the input index swaps a0 and a1.
      int src = 0;
      for (int d = 0; d < rank; d++) {
        int dIn = d == a0 ? a1 : d == a1 ? a0 : d;
        src += idx[d] * inStrides[dIn];
      }
      perm[o] = src;
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    float[] in = x.data();
    float[] y = fwd.floats(in.length);
    for (int o = 0; o < y.length; o++) {
      y[o] = in[perm[o]];
    }
    return fwd.record("transpose", Tensor.of(y, outShape), (g, into) -> {
      float[] gx = into.of(x);
      for (int o = 0; o < g.length; o++) {
        gx[perm[o]] += g[o];
      }
    }, x);
  }

  private static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      s[d] = acc;
      acc *= shape[d];
    }
    return s;
  }

  /** Copies {@code blocks} runs of {@code width} floats between strided layouts. */
  private static void copyBlocks(float[] src, int srcOff, int srcStride, float[] dst, int dstOff,
                                 int dstStride, int blocks, int width) {
    for (int b = 0; b < blocks; b++) {
      System.arraycopy(src, srcOff + b * srcStride, dst, dstOff + b * dstStride, width);
    }
  }

  /** Like {@link #copyBlocks} but accumulating, for gradients. */
  private static void addBlocks(float[] src, int srcOff, int srcStride, float[] dst, int dstOff,
                                int dstStride, int blocks, int width) {
    for (int b = 0; b < blocks; b++) {
      int s = srcOff + b * srcStride;
      int d = dstOff + b * dstStride;
      for (int j = 0; j < width; j++) {
        dst[d + j] += src[s + j];
      }
    }
  }
}

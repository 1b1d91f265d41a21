package dev.attento.core.tensor;

import java.util.Arrays;

/** Shape arithmetic and the checks that make a wrong shape fail loudly, naming the op. */
public final class Shapes {

  private Shapes() {}

  /** Number of elements of a shape (1 for a scalar). */
  public static int size(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + toString(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + toString(shape) + " has more than 2^31-1 elements");
      }
    }
    return (int) n;
  }

  /** Product of the dimensions in {@code [from, to)}. */
  public static int size(int[] shape, int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** Row-major offset of a full index. */
  public static int offset(int[] shape, int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "index " + Arrays.toString(index) + " does not match shape " + toString(shape));
    }
    int off = 0;
    for (int i = 0; i < shape.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " out of range for shape " + toString(shape));
      }
      off = off * shape[i] + index[i];
    }
    return off;
  }

  /** Resolves a possibly negative axis against a rank. */
  public static int axis(int axis, int rank, String op) {
    int a = axis < 0 ? rank + axis : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(op + ": axis " + axis + " out of range for rank " + rank);
    }
    return a;
  }

  /** Fails unless both tensors have exactly the same shape. */
  public static void requireSame(String op, Tensor a, Tensor b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      throw mismatch(op, a, b);
    }
  }

  /** Fails unless the tensor has the given rank. */
  public static void requireRank(String op, Tensor t, int rank) {
    if (t.rank() != rank) {
      throw new IllegalArgumentException(
          op + ": expected a rank-" + rank + " tensor, got shape " + toString(t.shape()));
    }
  }

  /** The exception for two shapes that do not fit together in {@code op}. */
  public static IllegalArgumentException mismatch(String op, Tensor a, Tensor b) {
    return new IllegalArgumentException(
        op + ": shapes " + toString(a.shape()) + " and " + toString(b.shape()) + " do not match");
  }

  /** Whether {@code suffix} equals the trailing dimensions of {@code shape}. */
  public static boolean isSuffix(int[] shape, int[] suffix) {
    if (suffix.length > shape.length) {
      return false;
    }
    int off = shape.length - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (shape[off + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Formats a shape as {@code [2, 3]}. */
  public static String toString(int... shape) {
    return Arrays.toString(shape);
  }
}

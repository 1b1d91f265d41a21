package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/** Sums and means, over everything or along one axis. Accumulation is in double. */
public final class Reductions {

  private Reductions() {}

  /** Sum of all elements, as a scalar. */
  public static Tensor sum(Forward fwd, Tensor x) {
    return total(fwd, "sum", x, 1f);
  }

  /** Mean of all elements, as a scalar. */
  public static Tensor mean(Forward fwd, Tensor x) {
    return total(fwd, "mean", x, x.size() == 0 ? 0f : 1f / x.size());
  }

  private static Tensor total(Forward fwd, String name, Tensor x, float factor) {
    double s = 0;
    for (float v : x.data()) {
      s += v;
    }
    Tensor out = Tensor.scalar((float) (s * factor));
    return fwd.record(name, out, (g, into) -> {
      float[] gx = into.of(x);
      float gv = g[0] * factor;
      for (int i = 0; i < gx.length; i++) {
        gx[i] += gv;
      }
    }, x);
  }

  /** Sum along {@code axis}, removing that dimension. */
  public static Tensor sum(Forward fwd, Tensor x, int axis) {
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length, "sum");
    int outer = Shapes.size(shape, 0, ax);
    int n = shape[ax];
    int inner = Shapes.size(shape, ax + 1, shape.length);
    double[] acc = new double[outer * inner];
    float[] d = x.data();
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < n; i++) {
        int base = (o * n + i) * inner;
        for (int j = 0; j < inner; j++) {
          acc[o * inner + j] += d[base + j];
        }
      }
    }
    float[] y = fwd.floats(acc.length);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) acc[i];
    }
    int[] outShape = new int[shape.length - 1];
    System.arraycopy(shape, 0, outShape, 0, ax);
    System.arraycopy(shape, ax + 1, outShape, ax, shape.length - ax - 1);
    return fwd.record("sumAxis", Tensor.of(y, outShape), (g, into) -> {
      float[] gx = into.of(x);
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < n; i++) {
          int base = (o * n + i) * inner;
          for (int j = 0; j < inner; j++) {
            gx[base + j] += g[o * inner + j];
          }
        }
      }
    }, x);
  }

  /** Squared L2 norm of all elements, in double: used for gradient norms and tests. */
  public static double squaredNorm(float[] values) {
    double s = 0;
    for (float v : values) {
      s += (double) v * v;
    }
    return s;
  }

  /** Index of the largest value in each row of the last dimension (ties: first). */
  public static int[] argmax(Tensor x) {
    int cols = x.dim(-1);
    int rows = cols == 0 ? 0 : x.size() / cols;
    int[] out = new int[rows];
    float[] d = x.data();
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int j = 1; j < cols; j++) {
        if (d[r * cols + j] > d[r * cols + best]) {
          best = j;
        }
      }
      out[r] = best;
    }
    return out;
  }
}

package dev.attento.core.tensor;

import java.util.Locale;

/** Renders tensors as nested brackets, summarising large ones so a log line stays readable. */
final class TensorFormat {

  private static final int MAX_FULL = 64;
  private static final int EDGE = 3;

  private TensorFormat() {}

  static String format(Tensor t) {
    StringBuilder sb = new StringBuilder("Tensor").append(Shapes.toString(t.shape())).append(' ');
    if (t.rank() == 0) {
      return sb.append(num(t.data()[0])).toString();
    }
    append(sb, t.data(), t.shape(), 0, 0, t.size() > MAX_FULL);
    return sb.toString();
  }

  private static void append(StringBuilder sb, float[] d, int[] shape, int axis, int offset, boolean summarise) {
    int n = shape[axis];
    int stride = Shapes.size(shape, axis + 1, shape.length);
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (summarise && n > 2 * EDGE && i == EDGE) {
        sb.append("..., ");
        i = n - EDGE - 1;
        continue;
      }
      if (axis == shape.length - 1) {
        sb.append(num(d[offset + i]));
      } else {
        append(sb, d, shape, axis + 1, offset + i * stride, summarise);
      }
      if (i < n - 1) {
        sb.append(", ");
      }
    }
    sb.append(']');
  }

  private static String num(float v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}

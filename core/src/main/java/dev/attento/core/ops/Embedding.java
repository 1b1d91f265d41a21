package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * Embedding lookup: row {@code ids[i]} of a {@code [V, D]} table for every id. The backward
 * is sparse: only the looked-up rows of the table's gradient are touched, so a large
 * vocabulary costs nothing per step beyond the rows a batch uses.
 */
public final class Embedding {

  private Embedding() {}

  /**
   * @param table {@code [V, D]}
   * @param ids token ids, each in {@code [0, V)}
   * @param idShape the shape of {@code ids} (e.g. {@code [B, T]}); the result is
   *     {@code [idShape..., D]}
   */
  public static Tensor lookup(Forward fwd, Tensor table, int[] ids, int... idShape) {
    return Shaping.reshape(fwd, IndexSelect.rows(fwd, table, ids), outputShape(table.dim(1), table, ids, idShape));
  }

  /**
   * An embedding lookup followed by a linear layer, {@code linear(lookup(E, ids), W, b)}, as
   * the input projection of a recurrent layer's first step computes it. When the table has
   * fewer rows than there are ids (a small vocabulary, a large batch) it uses
   * {@code linear(lookup(E, ids)) = lookup(linear(E), ids)}: the V rows of the table are
   * projected once instead of every token, forward and backward. Same maths; the gradient
   * flows through the projected table's rows back into E, W and b.
   *
   * @param table {@code [V, D]}
   * @param weight {@code [out, D]}
   * @param bias {@code [out]}, or {@code null}
   * @return {@code [idShape..., out]}
   */
  public static Tensor projectedLookup(Forward fwd, Tensor table, int[] ids, int[] idShape, Tensor weight,
                                       Tensor bias) {
    int[] shape = outputShape(weight.dim(0), table, ids, idShape);
    if (ids.length < 2 * table.dim(0)) {
      return Linear.linear(fwd, lookup(fwd, table, ids, idShape), weight, bias);
    }
    return Shaping.reshape(fwd, IndexSelect.rows(fwd, Linear.linear(fwd, table, weight, bias), ids), shape);
  }

  /** {@code [idShape..., width]}, after checking the table and the ids. */
  private static int[] outputShape(int width, Tensor table, int[] ids, int[] idShape) {
    Shapes.requireRank("embedding", table, 2);
    if (Shapes.size(idShape) != ids.length) {
      throw new IllegalArgumentException("embedding: " + ids.length + " ids do not fit shape "
          + Shapes.toString(idShape));
    }
    int[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
    shape[idShape.length] = width;
    return shape;
  }
}

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
  public static Tensor lookup(Tensor table, int[] ids, int... idShape) {
    Shapes.requireRank("embedding", table, 2);
    if (Shapes.size(idShape) != ids.length) {
      throw new IllegalArgumentException("embedding: " + ids.length + " ids do not fit shape "
          + Shapes.toString(idShape));
    }
    int[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
    shape[idShape.length] = table.dim(1);
    return Shaping.reshape(IndexSelect.rows(table, ids), shape);
  }
}

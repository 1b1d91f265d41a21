package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Embedding lookup: row {@code ids[i]} of a {@code [V, D]} table for every id. The backward
 * is sparse: only the looked-up rows of the table's gradient are touched, so a large
 * vocabulary costs nothing per step beyond the rows a batch uses.
 */
public final class Embedding {

  /**
   * The table and ids behind a lookup's result: when a {@link Linear} layer follows and the
   * table has fewer rows than the batch has ids, projecting the table once is cheaper than
   * projecting every looked-up row (see {@link Linear#linear}).
   */
  record Origin(Tensor table, int[] ids) {}

  /** Lookups worth projecting through their table, kept only while their result lives. */
  private static final Map<Tensor, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());

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
    Tensor out = Shaping.reshape(IndexSelect.rows(table, ids), shape);
    if (ids.length >= 2 * table.dim(0)) {
      ORIGINS.put(out, new Origin(table, ids)); // Tensor has identity equality
    }
    return out;
  }

  /**
   * Where {@code x} came from if it is the result of a {@link #lookup} with at least twice as
   * many ids as the table has rows, else {@code null}.
   */
  static Origin origin(Tensor x) {
    return ORIGINS.get(x);
  }
}

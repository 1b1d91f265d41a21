package dev.attento.core.ops;

import dev.attento.core.tensor.Tensor;

/**
 * The input of a sequence layer when it is a lookup in an embedding table: the table and the
 * ids, not yet looked up. A layer that projects its inputs first (every gated cell does,
 * {@code x·W_ihᵀ + b_ih}) asks for {@link #project}, which may project the table instead of
 * every token (see {@link Embedding#projectedLookup}); any other layer asks for the looked-up
 * vectors with {@link #lookup}.
 *
 * @param table {@code [V, D]}
 * @param ids token ids, row-major in {@code shape}
 * @param shape the shape of the ids, e.g. {@code [batch, time]}
 */
public record EmbeddedTokens(Tensor table, int[] ids, int[] shape) {

  /** The embeddings, {@code [shape..., D]}. */
  public Tensor lookup(Forward fwd) {
    return Embedding.lookup(fwd, table, ids, shape);
  }

  /** {@code lookup(fwd)·weightᵀ + bias}, {@code [shape..., out]}, the cheap way round. */
  public Tensor project(Forward fwd, Tensor weight, Tensor bias) {
    return Embedding.projectedLookup(fwd, table, ids, shape, weight, bias);
  }
}

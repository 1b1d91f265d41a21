package dev.attento.core.init;

import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Fills a parameter tensor with initial values. Fan-in and fan-out follow PyTorch: a
 * {@code [out, in]} weight has fan-in {@code in} and fan-out {@code out}; a vector has both
 * equal to its length.
 */
@FunctionalInterface
public interface Initializer {

  /** Overwrites {@code t}'s data, drawing randomness from {@code random}. */
  void fill(Tensor t, UniformRandomProvider random);

  /** Fan-in of a weight shape. */
  static int fanIn(Tensor t) {
    return t.rank() < 2 ? t.size() : t.size() / t.dim(0);
  }

  /** Fan-out of a weight shape. */
  static int fanOut(Tensor t) {
    return t.rank() < 2 ? t.size() : t.dim(0);
  }
}

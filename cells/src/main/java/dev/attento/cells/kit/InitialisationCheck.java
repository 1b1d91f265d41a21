package dev.attento.cells.kit;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import java.util.Locale;
import java.util.Map;

/**
 * Statistics of a freshly built cell's parameters and first outputs, against the mistakes a
 * new cell makes most: a parameter left uninitialised or filled with NaN; a weight matrix
 * whose entries are all equal (every unit computes the same thing and gradient descent never
 * tells them apart); weights scaled so that activations explode or vanish (the scale that
 * Glorot and He initialisation keep near 1 is std · √fan_in, fan_in being the last dimension);
 * outputs that are dead (all zero) or not finite.
 */
final class InitialisationCheck {

  /** The accepted range of std · √fan_in for a weight matrix: within a factor 10 of 1. */
  static final double MIN_SCALE = 0.1;
  static final double MAX_SCALE = 10;

  private InitialisationCheck() {}

  /** {@code null} and a summary if the statistics are sound, else what is wrong. */
  static String[] check(RecurrentCell cell, Tensor inputs) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (Map.Entry<String, Tensor> e : cell.parameters().entrySet()) {
      float[] d = e.getValue().data();
      double sum = 0;
      double sq = 0;
      for (float v : d) {
        if (!Float.isFinite(v)) {
          return fail("parameter '" + e.getKey() + "' has a non-finite value (" + v + ")");
        }
        sum += v;
        sq += (double) v * v;
      }
      if (e.getValue().rank() < 2) {
        continue;   // biases and vectors may legitimately be constant (zero, or a forget-gate bias)
      }
      double mean = sum / d.length;
      double std = Math.sqrt(Math.max(0, sq / d.length - mean * mean));
      if (std == 0) {
        return fail("weight '" + e.getKey() + "' has all entries equal (" + (float) mean
            + "): every unit would compute the same; draw it from spec.random()");
      }
      int[] shape = e.getValue().shape();
      double scale = std * Math.sqrt(shape[shape.length - 1]);
      if (scale < MIN_SCALE || scale > MAX_SCALE) {
        return fail(String.format(Locale.ROOT, "weight '%s' has std %.3g, i.e. std·√fan_in = %.3g outside [%.1f, %.0f]:"
            + " activations would %s", e.getKey(), std, scale, MIN_SCALE, MAX_SCALE, scale < MIN_SCALE ? "vanish" : "explode"));
      }
      lowest = Math.min(lowest, scale);
      highest = Math.max(highest, scale);
    }
    Tensor out = cell.run(Forward.inference(), inputs, cell.initialState(inputs.dim(0)), null).outputs();
    double sq = 0;
    for (float v : out.data()) {
      if (!Float.isFinite(v)) {
        return fail("the first outputs are not finite (" + v + ")");
      }
      sq += (double) v * v;
    }
    double rms = Math.sqrt(sq / out.size());
    if (rms < 1e-4) {
      return fail(String.format(Locale.ROOT, "the first outputs are dead: rms %.2e", rms));
    }
    return new String[] {null, String.format(Locale.ROOT, "weights' std·√fan_in in [%.2f, %.2f]; outputs' rms %.3f",
        lowest == Double.POSITIVE_INFINITY ? 0 : lowest, highest, rms)};
  }

  private static String[] fail(String detail) {
    return new String[] {"fail", detail};
  }
}

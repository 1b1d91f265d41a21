package dev.attento.core.ops;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;

/**
 * Cross-entropy over logits, fused with log-softmax: the loss of row r is
 * {@code logsumexp(z_r) - z_r[t_r]} and its gradient {@code softmax(z_r) - onehot(t_r)}, which
 * is both cheaper and more stable than composing the two ops. Rows whose target equals the
 * ignore index (padding) contribute nothing, and the mean is over the rows that count, as
 * in PyTorch's {@code CrossEntropyLoss(ignore_index=…)}.
 *
 * <p>With label smoothing ε (Szegedy et al. 2016, §7) the target distribution is
 * {@code q = (1 - ε)·onehot(t) + ε/V} over all V classes (PyTorch's
 * {@code label_smoothing}), so the loss of a row is
 * {@code -Σ_j q_j log p_j = logsumexp(z) - (1 - ε)·z_t - (ε/V)·Σ_j z_j} and its derivative
 * {@code ∂loss/∂z_j = softmax(z)_j - q_j = softmax(z)_j - (1 - ε)·[j = t] - ε/V}.
 * ε = 0 is plain cross-entropy, bit for bit.
 */
public final class CrossEntropy {

  private CrossEntropy() {}

  /**
   * @param logits {@code [..., V]}
   * @param targets one class index per row of {@code logits}
   * @param ignoreIndex target value that marks a row to skip (e.g. PAD)
   * @return the mean loss over non-ignored rows, a scalar (0 if every row is ignored)
   */
  public static Tensor crossEntropy(Forward fwd, Tensor logits, int[] targets, int ignoreIndex) {
    return crossEntropy(fwd, logits, targets, ignoreIndex, 0);
  }

  /**
   * Label-smoothed cross-entropy (see the class comment for the loss and its derivative).
   *
   * @param logits {@code [..., V]}
   * @param targets one class index per row of {@code logits}
   * @param ignoreIndex target value that marks a row to skip (e.g. PAD)
   * @param smoothing ε in [0, 1): the probability mass spread uniformly over all classes
   * @return the mean loss over non-ignored rows, a scalar (0 if every row is ignored)
   */
  public static Tensor crossEntropy(Forward fwd, Tensor logits, int[] targets, int ignoreIndex, double smoothing) {
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("crossEntropy: label smoothing must be in [0, 1), got " + smoothing);
    }
    int v = logits.dim(-1);
    int rows = v == 0 ? 0 : logits.size() / v;
    if (targets.length != rows) {
      throw new IllegalArgumentException("crossEntropy: " + targets.length + " targets for "
          + rows + " rows of logits " + java.util.Arrays.toString(logits.shape()));
    }
    float[] z = logits.data();
    float[] scratch = fwd.floats(v);
    double[] lse = new double[rows];
    double total = 0;
    int counted = 0;
    for (int r = 0; r < rows; r++) {
      int t = targets[r];
      if (t == ignoreIndex) {
        continue;
      }
      if (t < 0 || t >= v) {
        throw new IllegalArgumentException("crossEntropy: target " + t + " at row " + r
            + " out of range for " + v + " classes");
      }
      lse[r] = Softmax.logSumExp(fwd.kernels().nonlinear(), z, r * v, v, scratch);
      // With ε = 0 the uniform term is skipped, so plain cross-entropy is unchanged to the bit.
      total += lse[r] - (1 - smoothing) * z[r * v + t] - (smoothing == 0 ? 0 : smoothing * mean(z, r * v, v));
      counted++;
    }
    int n = counted;
    Tensor out = Tensor.scalar(n == 0 ? 0f : (float) (total / n));
    return fwd.record("crossEntropy", out, (g, into) -> {
      if (n == 0) {
        return;
      }
      float[] gz = into.of(logits);
      float[] softmax = fwd.floats(v);
      double scale = g[0] / (double) n;
      double uniform = smoothing / v * scale;
      double onTarget = (1 - smoothing) * scale;
      for (int r = 0; r < rows; r++) {
        int t = targets[r];
        if (t == ignoreIndex) {
          continue;
        }
        int base = r * v;
        // softmax = e^(z - logsumexp), vectorised; (float) lse is still at least every z.
        fwd.kernels().nonlinear().expShifted(z, base, (float) lse[r], softmax, 0, v);
        for (int j = 0; j < v; j++) {
          gz[base + j] += (float) (softmax[j] * scale - uniform);
        }
        gz[base + t] -= (float) onTarget;
      }
    }, logits);
  }

  private static double mean(float[] z, int from, int length) {
    double sum = 0;
    for (int j = from; j < from + length; j++) {
      sum += z[j];
    }
    return sum / length;
  }
}

package dev.attento.core.ops;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;

/**
 * Cross-entropy over logits, fused with log-softmax: the loss of row r is
 * {@code logsumexp(z_r) - z_r[t_r]} and its gradient {@code softmax(z_r) - onehot(t_r)}, which
 * is both cheaper and more stable than composing the two ops. Rows whose target equals the
 * ignore index (padding) contribute nothing, and the mean is over the rows that count, as
 * in PyTorch's {@code CrossEntropyLoss(ignore_index=…)}.
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
    int v = logits.dim(-1);
    int rows = v == 0 ? 0 : logits.size() / v;
    if (targets.length != rows) {
      throw new IllegalArgumentException("crossEntropy: " + targets.length + " targets for "
          + rows + " rows of logits " + java.util.Arrays.toString(logits.shape()));
    }
    float[] z = logits.data();
    float[] scratch = new float[v];
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
      total += lse[r] - z[r * v + t];
      counted++;
    }
    int n = counted;
    Tensor out = Tensor.scalar(n == 0 ? 0f : (float) (total / n));
    return fwd.record("crossEntropy", out, (g, into) -> {
      if (n == 0) {
        return;
      }
      float[] gz = into.of(logits);
      float[] softmax = new float[v];
      double scale = g[0] / (double) n;
      for (int r = 0; r < rows; r++) {
        int t = targets[r];
        if (t == ignoreIndex) {
          continue;
        }
        int base = r * v;
        // softmax = e^(z - logsumexp), vectorised; (float) lse is still at least every z.
        fwd.kernels().nonlinear().expShifted(z, base, (float) lse[r], softmax, 0, v);
        for (int j = 0; j < v; j++) {
          gz[base + j] += (float) (softmax[j] * scale);
        }
        gz[base + t] -= (float) scale;
      }
    }, logits);
  }
}

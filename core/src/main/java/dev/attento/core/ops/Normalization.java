package dev.attento.core.ops;

import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Statistics over the last dimension and layer normalisation (Ba, Kiros and Hinton 2016,
 * "Layer Normalization"). A tensor {@code [..., D]} is read as rows of {@code D} features;
 * each row is reduced or normalised on its own. Sums are accumulated in double.
 */
public final class Normalization {

  private Normalization() {}

  /**
   * The mean of each row: {@code [..., D] → [...]}. Derivative: ∂μ/∂x_i = 1/D.
   */
  public static Tensor mean(Forward fwd, Tensor x) {
    int d = features(x, "mean");
    int rows = x.size() / d;
    float[] in = x.data();
    float[] mu = rowMeans(in, rows, d);
    return fwd.record("meanLast", Tensor.of(mu, leading(x)), (g, into) -> {
      float[] gx = into.of(x);
      for (int r = 0; r < rows; r++) {
        float share = g[r] / d;
        for (int j = 0; j < d; j++) {
          gx[r * d + j] += share;
        }
      }
    }, x);
  }

  /**
   * The (biased, population) variance of each row, σ² = (1/D)·Σ(x_i − μ)², as layer
   * normalisation uses it: {@code [..., D] → [...]}. Derivative: ∂σ²/∂x_i = 2(x_i − μ)/D
   * (the terms through μ sum to zero).
   */
  public static Tensor variance(Forward fwd, Tensor x) {
    int d = features(x, "variance");
    int rows = x.size() / d;
    float[] in = x.data();
    float[] mu = rowMeans(in, rows, d);
    float[] var = fwd.floats(rows);
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double c = in[r * d + j] - mu[r];
        s += c * c;
      }
      var[r] = (float) (s / d);
    }
    return fwd.record("varianceLast", Tensor.of(var, leading(x)), (g, into) -> {
      float[] gx = into.of(x);
      for (int r = 0; r < rows; r++) {
        float k = 2f * g[r] / d;
        for (int j = 0; j < d; j++) {
          gx[r * d + j] += k * (in[r * d + j] - mu[r]);
        }
      }
    }, x);
  }

  /**
   * Layer normalisation as one op: y = γ ⊙ (x − μ)/√(σ² + ε) + β per row, with μ and σ² the
   * row's mean and biased variance. Shapes: {@code x [..., D]}, {@code gain} and {@code bias}
   * {@code [D]} (either may be null: γ = 1, β = 0); the result has {@code x}'s shape.
   *
   * <p>Derivatives, with x̂ = (x − μ)·r, r = 1/√(σ² + ε) and g = ∂L/∂y:
   * ∂L/∂β = Σ_rows g; ∂L/∂γ = Σ_rows g ⊙ x̂; and with ĝ = g ⊙ γ,
   * ∂L/∂x = r·(ĝ − mean(ĝ) − x̂·mean(ĝ ⊙ x̂)), the means over the row.
   *
   * @param epsilon added to the variance (1e-5 in PyTorch's {@code LayerNorm})
   */
  public static Tensor layerNorm(Forward fwd, Tensor x, Tensor gain, Tensor bias, float epsilon) {
    int d = features(x, "layerNorm");
    for (Tensor p : new Tensor[] {gain, bias}) {
      if (p != null && !Arrays.equals(p.shape(), new int[] {d})) {
        throw Shapes.mismatch("layerNorm", x, p);
      }
    }
    int rows = x.size() / d;
    float[] in = x.data();
    float[] mu = rowMeans(in, rows, d);
    float[] rstd = fwd.floats(rows);
    float[] xhat = fwd.floats(in.length);
    float[] y = fwd.floats(in.length);
    float[] gam = gain == null ? null : gain.data();
    float[] bet = bias == null ? null : bias.data();
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double c = in[r * d + j] - mu[r];
        s += c * c;
      }
      rstd[r] = (float) (1.0 / Math.sqrt(s / d + epsilon));
      for (int j = 0; j < d; j++) {
        int i = r * d + j;
        xhat[i] = (in[i] - mu[r]) * rstd[r];
        y[i] = (gam == null ? xhat[i] : gam[j] * xhat[i]) + (bet == null ? 0f : bet[j]);
      }
    }
    Tensor[] inputs = gain == null && bias == null ? new Tensor[] {x}
        : gain == null ? new Tensor[] {x, bias} : bias == null ? new Tensor[] {x, gain} : new Tensor[] {x, gain, bias};
    return fwd.record("layerNorm", Tensor.of(y, x.shape()), (g, into) -> {
      if (bias != null && into.wants(bias)) {
        float[] gb = into.of(bias);
        for (int i = 0; i < g.length; i++) {
          gb[i % d] += g[i];
        }
      }
      if (gain != null && into.wants(gain)) {
        float[] gg = into.of(gain);
        for (int i = 0; i < g.length; i++) {
          gg[i % d] += g[i] * xhat[i];
        }
      }
      if (into.wants(x)) {
        float[] gx = into.of(x);
        for (int r = 0; r < rows; r++) {
          double meanG = 0;
          double meanGx = 0;
          for (int j = 0; j < d; j++) {
            int i = r * d + j;
            double gh = gam == null ? g[i] : g[i] * gam[j];
            meanG += gh;
            meanGx += gh * xhat[i];
          }
          meanG /= d;
          meanGx /= d;
          for (int j = 0; j < d; j++) {
            int i = r * d + j;
            double gh = gam == null ? g[i] : g[i] * gam[j];
            gx[i] += (float) (rstd[r] * (gh - meanG - xhat[i] * meanGx));
          }
        }
      }
    }, inputs);
  }

  private static int features(Tensor x, String op) {
    if (x.rank() == 0 || x.shape()[x.rank() - 1] == 0) {
      throw new IllegalArgumentException(op + ": needs a non-empty last dimension, got shape "
          + Arrays.toString(x.shape()));
    }
    return x.shape()[x.rank() - 1];
  }

  private static int[] leading(Tensor x) {
    return Arrays.copyOf(x.shape(), x.rank() - 1);
  }

  private static float[] rowMeans(float[] in, int rows, int d) {
    float[] mu = new float[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += in[r * d + j];
      }
      mu[r] = (float) (s / d);
    }
    return mu;
  }
}

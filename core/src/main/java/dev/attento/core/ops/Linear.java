package dev.attento.core.ops;

import dev.attento.core.kernels.Gemm;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * The affine map {@code y = x·Wᵀ + b} with {@code W} stored {@code [out, in]}, the layout of
 * PyTorch's {@code nn.Linear} and RNN weights, so weights move between the two unchanged.
 * Fusing the bias into the op saves one pass over the output and one graph node.
 */
public final class Linear {

  private Linear() {}

  /**
   * @param x input {@code [..., in]}
   * @param weight {@code [out, in]}
   * @param bias {@code [out]}, or {@code null} for none
   * @return {@code [..., out]}
   */
  public static Tensor linear(Forward fwd, Tensor x, Tensor weight, Tensor bias) {
    if (weight.rank() != 2 || x.rank() < 1 || x.dim(-1) != weight.dim(1)) {
      throw Shapes.mismatch("linear", x, weight);
    }
    int in = weight.dim(1);
    int outDim = weight.dim(0);
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != outDim)) {
      throw Shapes.mismatch("linear(bias)", weight, bias);
    }
    int rows = in == 0 ? 0 : x.size() / in;
    int[] shape = x.shape();
    shape[shape.length - 1] = outDim;
    float[] y = fwd.floats(rows * outDim);
    float beta = 0f;
    if (bias != null) {
      float[] bv = bias.data();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(bv, 0, y, r * outDim, outDim);
      }
      beta = 1f;
    }
    // Wᵀ packed once per pass (a training step, the decoding of a test set) serves every product.
    Gemm gemm = fwd.kernels().gemm();
    gemm.gemm(false, rows, 1f, x.data(), 0, in, fwd.packedTranspose(weight), beta, y, 0, outDim);
    Tensor out = Tensor.of(y, shape);
    return fwd.record("linear", out, (g, into) -> {
      if (into.wants(x)) {
        MatMul.gemm(gemm, false, false, rows, in, outDim, g, weight.data(), 1f, into.of(x));
      }
      if (into.wants(weight)) {
        MatMul.gemm(gemm, true, false, outDim, in, rows, g, x.data(), 1f, into.of(weight));
      }
      if (bias != null && into.wants(bias)) {
        sumRowsInto(g, rows, outDim, into.of(bias));
      }
    }, x, weight, bias);
  }

  /** {@code dst[j] += Σ_r g[r, j]}: the gradient of a bias broadcast over rows. */
  public static void sumRowsInto(float[] g, int rows, int cols, float[] dst) {
    for (int r = 0, base = 0; r < rows; r++, base += cols) {
      for (int j = 0; j < cols; j++) {
        dst[j] += g[base + j];
      }
    }
  }
}

package dev.attento.core.ops;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
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
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    if (weight.rank() != 2 || x.rank() < 1 || x.dim(-1) != weight.dim(1)) {
      throw Shapes.mismatch("linear", x, weight);
    }
    int in = weight.dim(1);
    int outDim = weight.dim(0);
    Embedding.Origin origin = Embedding.origin(x);
    if (origin != null) {
      // linear(lookup(E, ids)) = lookup(linear(E), ids): with a small vocabulary, project the
      // V table rows once rather than every token, forward and backward. Same maths; the
      // gradient flows through the projected table's rows back into E, W and b.
      int[] shape = x.shape();
      shape[shape.length - 1] = outDim;
      return Shaping.reshape(IndexSelect.rows(linear(origin.table(), weight, bias), origin.ids()), shape);
    }
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != outDim)) {
      throw Shapes.mismatch("linear(bias)", weight, bias);
    }
    int rows = in == 0 ? 0 : x.size() / in;
    int[] shape = x.shape();
    shape[shape.length - 1] = outDim;
    float[] y = new float[rows * outDim];
    float beta = 0f;
    if (bias != null) {
      float[] bv = bias.data();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(bv, 0, y, r * outDim, outDim);
      }
      beta = 1f;
    }
    // Wᵀ packed once per region (a forward pass, decoding a test set) serves every product;
    // outside a region a few rows are dot products along W's rows, nothing to pack.
    Gemm.Packed packed = WeightCache.packedTranspose(weight);
    if (packed != null) {
      Kernels.gemm().gemm(false, rows, 1f, x.data(), 0, in, packed, beta, y, 0, outDim);
    } else {
      MatMul.gemm(false, true, rows, outDim, in, x.data(), weight.data(), beta, y);
    }
    Tensor out = Tensor.of(y, shape);
    return Autodiff.record("linear", out, g -> {
      if (x.requiresGrad()) {
        MatMul.gemm(false, false, rows, in, outDim, g, weight.data(), 1f, x.gradBuffer());
      }
      if (weight.requiresGrad()) {
        MatMul.gemm(true, false, outDim, in, rows, g, x.data(), 1f, weight.gradBuffer());
      }
      if (bias != null && bias.requiresGrad()) {
        sumRowsInto(g, rows, outDim, bias.gradBuffer());
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

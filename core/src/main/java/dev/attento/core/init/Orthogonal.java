package dev.attento.core.init;

import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random orthogonal matrices (Saxe et al. 2014): the Q of a QR decomposition of a Gaussian
 * matrix, with columns' signs fixed by diag(R) so Q is uniformly (Haar) distributed, as in
 * Mezzadri 2007. An orthogonal recurrent matrix has every singular value 1, so a linear RNN
 * neither shrinks nor blows up gradients through time — the starting point that vanilla RNNs
 * need most.
 *
 * <p>Recurrent weights of gated cells stack one {@code H×H} matrix per gate ({@code [4H, H]}
 * for an LSTM); with {@code perBlock} each block is made orthogonal on its own. A
 * non-square weight (or block) gets orthonormal rows or columns, whichever is fewer, as
 * PyTorch's {@code orthogonal_} does.
 */
final class Orthogonal implements Initializer {

  private final double gain;
  private final boolean perBlock;

  Orthogonal(double gain, boolean perBlock) {
    this.gain = gain;
    this.perBlock = perBlock;
  }

  @Override
  public void fill(Tensor t, UniformRandomProvider random) {
    if (t.rank() != 2) {
      throw new IllegalArgumentException("orthogonal initialisation needs a matrix, got shape "
          + java.util.Arrays.toString(t.shape()));
    }
    int rows = t.dim(0);
    int cols = t.dim(1);
    boolean blocks = perBlock && rows > cols && rows % cols == 0;
    int blockRows = blocks ? cols : rows;
    float[] d = t.data();
    for (int start = 0; start < rows; start += blockRows) {
      double[][] q = matrix(blockRows, cols, random);
      for (int i = 0; i < blockRows; i++) {
        for (int j = 0; j < cols; j++) {
          d[(start + i) * cols + j] = (float) (gain * q[i][j]);
        }
      }
    }
  }

  /** A rows×cols matrix with orthonormal rows (rows ≤ cols) or columns (rows &gt; cols). */
  private static double[][] matrix(int rows, int cols, UniformRandomProvider random) {
    boolean transpose = rows < cols;
    int m = transpose ? cols : rows;
    int n = transpose ? rows : cols;
    double[][] g = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = Randomness.gaussian(random);
      }
    }
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
    RealMatrix q = qr.getQ();
    RealMatrix r = qr.getR();
    double[][] out = new double[rows][cols];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double v = q.getEntry(i, j) * Math.signum(r.getEntry(j, j) == 0 ? 1 : r.getEntry(j, j));
        if (transpose) {
          out[j][i] = v;
        } else {
          out[i][j] = v;
        }
      }
    }
    return out;
  }
}

package dev.attento.core.kernels;

/**
 * The element-wise non-linearities of recurrent gates, over array ranges (in place allowed).
 * An LSTM step needs five of them per hidden unit; done one scalar {@code exp} at a time they
 * cost a quarter of training, so the fused cell kernels call these batch versions, which the
 * Vector API computes many lanes at a time.
 */
public interface Nonlinear {

  /** A short name for reports. */
  String name();

  /** {@code out[o+i] = σ(in[k+i])} for i in [0, n). */
  void sigmoid(float[] in, int inOff, float[] out, int outOff, int n);

  /** {@code out[o+i] = tanh(in[k+i])} for i in [0, n). */
  void tanh(float[] in, int inOff, float[] out, int outOff, int n);

  /**
   * {@code out[o+i] = e^(in[k+i] - shift)} for i in [0, n), where {@code shift} is at least
   * every input (a row's maximum or log-sum-exp): the exponentials of a softmax. Results
   * below e^-87 are 0.
   */
  void expShifted(float[] in, int inOff, float shift, float[] out, int outOff, int n);
}

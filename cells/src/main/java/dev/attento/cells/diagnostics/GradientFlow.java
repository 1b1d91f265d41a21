package dev.attento.cells.diagnostics;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Measures how much gradient reaches each earlier time step — the vanishing and exploding
 * gradient problem (Hochreiter 1991; Bengio et al. 1994; Pascanu et al. 2013) made visible.
 * A loss that depends only on the last output is back-propagated through T steps of a cell,
 * and ‖∂L/∂h_t‖ and ‖∂L/∂x_t‖ are recorded for every t, averaged over the batch.
 *
 * <p>∂L/∂h_t is observed generically, for any cell: a zero "probe" tensor is added to each
 * step's output before it is fed to the next step, and the probe's gradient is ∂L/∂h_t.
 */
public final class GradientFlow {

  /**
   * One measured setting.
   *
   * @param label e.g. {@code rnn activation=tanh}
   * @param hiddenNorms ‖∂L/∂h_t‖ for t = 1..T (index 0 is t = 1)
   * @param inputNorms ‖∂L/∂x_t‖ for t = 1..T
   * @param parameterNorm global norm of the parameter gradients
   * @param clippedNorm that norm after clipping at the given threshold (equal if no clipping)
   */
  public record Curve(String label, double[] hiddenNorms, double[] inputNorms, double parameterNorm, double clippedNorm) {

    /** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖: how much of the last step's gradient reaches the first. */
    public double firstToLast() {
      return hiddenNorms[0] / hiddenNorms[hiddenNorms.length - 1];
    }

    /**
     * The largest distance from the end (in steps) at which the gradient is still at least
     * {@code fraction} of the last step's; T-1 if it never falls that low.
     */
    public int reach(double fraction) {
      double last = hiddenNorms[hiddenNorms.length - 1];
      for (int t = hiddenNorms.length - 1; t >= 0; t--) {
        if (hiddenNorms[t] < fraction * last) {
          return hiddenNorms.length - 1 - t - 1;
        }
      }
      return hiddenNorms.length - 1;
    }
  }

  private GradientFlow() {}

  /**
   * Runs the measurement.
   *
   * @param registry where cells come from
   * @param cell cell name
   * @param options cell options (activation, initialisers…)
   * @param length T
   * @param hidden hidden size (also the input size)
   * @param batch sequences averaged over
   * @param clip global-norm clipping threshold for the parameter gradient (0: none)
   * @param seed seed for weights and inputs
   */
  public static Curve measure(CellRegistry registry, String cell, Map<String, String> options, int length, int hidden,
                              int batch, double clip, long seed) {
    UniformRandomProvider r = Randomness.derive(seed, "gradients");
    RecurrentCell c = registry.create(cell, hidden, hidden, options, Randomness.derive(seed, "gradients/init"));
    Tensor x = Tensor.zeros(batch, length, hidden);
    Initializers.uniform(1).fill(x, r);
    List<Tensor> probes = new ArrayList<>();
    // The probes are zeros added to each step's output: ∂L/∂probe_t is ∂L/∂h_t.
    for (int t = 0; t < length; t++) {
      probes.add(Tensor.zeros(batch, hidden));
    }
    List<Tensor> params = List.copyOf(c.parameters().values());
    Tape tape = Tape.watching(params).watch(x);
    probes.forEach(tape::watch);
    Forward fwd = Forward.recording(tape);
    CellState state = c.initialState(batch);
    for (int t = 0; t < length; t++) {
      CellState next = c.step(fwd, Shaping.select(fwd, x, 1, t), state);
      Tensor probe = probes.get(t);
      List<Tensor> parts = new ArrayList<>(next.parts());
      parts.set(0, Arithmetic.add(fwd, next.output(), probe));
      state = new CellState(parts);
    }
    Tensor projection = Tensor.zeros(batch, hidden);
    Initializers.uniform(1).fill(projection, r);
    Gradients grads = tape.backward(dev.attento.core.ops.Reductions.sum(fwd, Arithmetic.mul(fwd, state.output(), projection)));
    double[] h = new double[length];
    double[] in = new double[length];
    for (int t = 0; t < length; t++) {
      h[t] = meanRowNorm(grads.get(probes.get(t)), batch, hidden, 0, hidden);
      in[t] = meanStepNorm(grads.get(x), batch, length, hidden, t);
    }
    double norm = GradientClipping.clipByGlobalNorm(params, grads, clip);
    double after = GradientClipping.globalNorm(params, grads);
    return new Curve(CellLabel.of(cell, options), h, in, norm, after);
  }

  private static double meanRowNorm(float[] g, int rows, int width, int off, int n) {
    if (g == null) {
      return 0;
    }
    double total = 0;
    for (int b = 0; b < rows; b++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        double v = g[b * width + off + j];
        s += v * v;
      }
      total += Math.sqrt(s);
    }
    return total / rows;
  }

  private static double meanStepNorm(float[] g, int batch, int length, int width, int t) {
    double total = 0;
    for (int b = 0; b < batch; b++) {
      double s = 0;
      int base = (b * length + t) * width;
      for (int j = 0; j < width; j++) {
        double v = g[base + j];
        s += v * v;
      }
      total += Math.sqrt(s);
    }
    return total / batch;
  }
}

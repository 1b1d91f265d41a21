package dev.attento.cells.diagnostics;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.init.Initializers;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Reductions;
import dev.attento.core.optim.Adam;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains a cell on the {@link AddingProblem}: does a small gradient-descent budget teach it
 * a dependency across T steps? This is the behavioural counterpart of {@link GradientFlow}:
 * that class shows how little gradient a tanh RNN passes back through 100 steps, this one
 * shows what follows — the plain RNN never gets below the mean-predicting baseline, while
 * LSTM and GRU, whose additive state paths keep the gradient alive, learn the task
 * (Hochreiter &amp; Schmidhuber 1997, §5.4; Le et al. 2015; Arjovsky et al. 2016).
 *
 * <p>The model is the cell followed by a linear readout of its last output {@code h_T}; the
 * loss is the mean squared error. Training uses Adam (Kingma &amp; Ba 2015) with global-norm
 * gradient clipping (Pascanu et al. 2013), a fresh batch every step, and is scored on a fixed
 * held-out set. Weights, training data and held-out data each draw from their own stream of
 * the seed, so a run is reproducible bit for bit from its seed and settings on the same
 * kernels (the gate non-linearities give the same bits scalar or vectorised; GEMM kernels
 * differ from each other in summation order, and so in the last bits).
 */
public final class LongRangeLearning {

  /** Held-out sequences are evaluated this many at a time, to bound memory at long T. */
  private static final int EVAL_CHUNK = 128;

  /**
   * What to train and for how long.
   *
   * @param length sequence length T
   * @param hidden hidden size of the cell
   * @param batch sequences per step
   * @param steps optimiser steps
   * @param learningRate Adam's step size
   * @param clip global gradient-norm threshold (0: no clipping)
   * @param evalEvery steps between held-out evaluations (the last step is always evaluated)
   * @param evalSize held-out sequences
   * @param stopBelow stop as soon as a held-out evaluation scores at most this MSE (0: train all steps); the
   *     steps it takes are the measure of interest, and the remaining budget would only polish
   * @param seed seed of weights and data
   */
  public record Settings(int length, int hidden, int batch, int steps, double learningRate, double clip, int evalEvery,
                         int evalSize, double stopBelow, long seed) {

    public Settings {
      if (length < 2 || hidden <= 0 || batch <= 0 || steps <= 0 || evalEvery <= 0 || evalSize <= 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "adding problem: length must be at least 2 and "
            + "hidden, batch, steps, evalEvery and evalSize positive; got length %d, hidden %d, batch %d, steps %d, "
            + "evalEvery %d, evalSize %d", length, hidden, batch, steps, evalEvery, evalSize));
      }
      if (!(learningRate > 0) || clip < 0 || stopBelow < 0) {
        throw new IllegalArgumentException("adding problem: the learning rate must be positive and clip and stopBelow "
            + "at least 0; got learning rate " + learningRate + ", clip " + clip + ", stopBelow " + stopBelow);
      }
    }
  }

  /**
   * One held-out evaluation.
   *
   * @param step optimiser steps taken so far
   * @param mse mean squared error on the held-out set (NaN if training diverged)
   */
  public record Checkpoint(int step, double mse) {}

  /**
   * The outcome of one training run.
   *
   * @param label cell and options, e.g. {@code rnn activation=tanh}
   * @param settings what was run
   * @param curve held-out error over training, in step order, the last one after the final step taken
   * @param constantMse the held-out error of the best constant answer ({@link AddingProblem.Batch#constantMse()}):
   *     a model that learned nothing scores this on the held-out set
   * @param millis wall-clock time of the run (not reproducible, unlike everything else)
   */
  public record Result(String label, Settings settings, List<Checkpoint> curve, double constantMse, long millis) {

    public Result {
      curve = List.copyOf(curve);
    }

    /** Held-out mean squared error after the last step taken. */
    public double finalMse() {
      return curve.get(curve.size() - 1).mse();
    }

    /**
     * The lowest held-out error seen during training: with a learning rate that suits the gated
     * cells a plain RNN's final error wanders around the baseline, and this shows whether it
     * ever got below it.
     */
    public double bestMse() {
      return curve.stream().mapToDouble(Checkpoint::mse).min().orElse(Double.NaN);
    }

    /** Optimiser steps taken (fewer than the budget if the run stopped early). */
    public int stepsTaken() {
      return curve.get(curve.size() - 1).step();
    }

    /** {@link #finalMse()} as a fraction of {@link AddingProblem#BASELINE_MSE}: 1 is chance. */
    public double relativeMse() {
      return finalMse() / AddingProblem.BASELINE_MSE;
    }

    /** The first evaluated step at which the held-out error was at most {@code mse}; -1 if never. */
    public int firstStepBelow(double mse) {
      return curve.stream().filter(c -> c.mse() <= mse).mapToInt(Checkpoint::step).findFirst().orElse(-1);
    }
  }

  /** Told about each held-out evaluation as it happens, e.g. to print progress. */
  @FunctionalInterface
  public interface Listener {
    void evaluated(String label, Checkpoint checkpoint);
  }

  private final RecurrentCell cell;
  private final Tensor readoutWeight;
  private final Tensor readoutBias;

  private LongRangeLearning(RecurrentCell cell, UniformRandomProvider init) {
    this.cell = cell;
    this.readoutWeight = Tensor.zeros(1, cell.hiddenSize());
    Initializers.byName("xavier_uniform").fill(readoutWeight, init);
    this.readoutBias = Tensor.zeros(1);
  }

  /**
   * Trains {@code cell} (with {@code options}) on the adding problem and scores it.
   *
   * @param kernels what to compute with
   * @param listener told about every held-out evaluation, or {@code null}
   */
  public static Result train(Kernels kernels, CellRegistry registry, String cell, Map<String, String> options, Settings settings,
                             Listener listener) {
    long start = System.nanoTime();
    String label = CellLabel.of(cell, options);
    UniformRandomProvider init = Randomness.derive(settings.seed(), "adding/init");
    LongRangeLearning model = new LongRangeLearning(
        registry.create(cell, AddingProblem.INPUT_SIZE, settings.hidden(), options, init), init);
    AddingProblem task = new AddingProblem(settings.length());
    AddingProblem.Batch heldOut = task.sample(settings.evalSize(), Randomness.derive(settings.seed(), "adding/eval"));
    UniformRandomProvider data = Randomness.derive(settings.seed(), "adding/train");
    List<Tensor> parameters = model.parameters();
    Adam adam = Adam.adam(parameters, settings.learningRate(), 0f);
    List<Checkpoint> curve = new ArrayList<>();
    for (int step = 1; step <= settings.steps(); step++) {
      AddingProblem.Batch batch = task.sample(settings.batch(), data);
      Tape tape = Tape.watching(parameters);
      Forward fwd = Forward.recording(tape, kernels);
      Tensor loss = mse(fwd, model.predict(fwd, batch.inputs()), batch.targets());
      Gradients grads = tape.backward(loss);
      boolean diverged = !Double.isFinite(GradientClipping.clipByGlobalNorm(parameters, grads, settings.clip()));
      if (!diverged) {
        adam.step(grads);
      }
      if (diverged || step % settings.evalEvery() == 0 || step == settings.steps()) {
        Checkpoint c = new Checkpoint(step, diverged ? Double.NaN : model.evaluate(Forward.inference(kernels), heldOut));
        curve.add(c);
        if (listener != null) {
          listener.evaluated(label, c);
        }
        if (diverged || c.mse() <= settings.stopBelow()) {
          break;
        }
      }
    }
    return new Result(label, settings, curve, heldOut.constantMse(), (System.nanoTime() - start) / 1_000_000);
  }

  private List<Tensor> parameters() {
    List<Tensor> p = new ArrayList<>(cell.parameters().values());
    p.add(readoutWeight);
    p.add(readoutBias);
    return p;
  }

  /** The readout of the last output: {@code [batch, 1]}. */
  private Tensor predict(Forward fwd, Tensor inputs) {
    RecurrentCell.SequenceResult r = cell.run(fwd, inputs, cell.initialState(inputs.dim(0)), null);
    return Linear.linear(fwd, r.last().output(), readoutWeight, readoutBias);
  }

  private static Tensor mse(Forward fwd, Tensor prediction, Tensor target) {
    Tensor error = Arithmetic.sub(fwd, prediction, target);
    return Reductions.mean(fwd, Arithmetic.mul(fwd, error, error));
  }

  /** Mean squared error on {@code heldOut}, in an unrecorded pass. */
  private double evaluate(Forward fwd, AddingProblem.Batch heldOut) {
    Tensor inputs = heldOut.inputs();
    float[] targets = heldOut.targets().data();
    int n = inputs.dim(0);
    int length = inputs.dim(1);
    int width = inputs.dim(2);
    double sum = 0;
    for (int from = 0; from < n; from += EVAL_CHUNK) {
      int size = Math.min(EVAL_CHUNK, n - from);
      float[] chunk = new float[size * length * width];
      System.arraycopy(inputs.data(), from * length * width, chunk, 0, chunk.length);
      float[] y = predict(fwd, Tensor.of(chunk, size, length, width)).data();
      for (int i = 0; i < size; i++) {
        double e = y[i] - targets[from + i];
        sum += e * e;
      }
    }
    return sum / n;
  }
}

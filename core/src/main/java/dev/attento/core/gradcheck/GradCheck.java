package dev.attento.core.gradcheck;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Finite-difference gradient checking: compares the gradients that back-propagation
 * computes with central differences {@code (L(x+ε) - L(x-ε)) / 2ε} of a scalar projection
 * {@code L = Σ_i r_i·f(x)_i}, where {@code r} is a fixed random vector (so every output
 * element, not just a sum, is checked).
 *
 * <p><b>Why these tolerances.</b> Ops run in float32: each output carries a rounding error
 * of about 6e-8 relative, so L (summed in double over n outputs) is off by roughly
 * 6e-8·√n·|f|, and dividing by 2ε = 2e-3 amplifies that by 500: about 3e-5·√n·|f|, i.e.
 * 1e-4 to 1e-3 for the tensors used in tests. The truncation error of central differences
 * is ε²·f'''/6, about 2e-7. A gradient therefore passes when
 * {@code |analytic - numeric| ≤ absTol + relTol·max(|analytic|, |numeric|)} with defaults
 * absTol = 2e-3 and relTol = 2e-2: far below the size of any real bug (a wrong sign, a
 * missing term or a missed accumulation is off by O(|gradient|)), far above round-off.
 * Keep test inputs away from kinks (ReLU at 0), where no finite difference is valid.
 *
 * <p>Every input given is checked; a constant the function needs (a mask, target ids) is
 * simply captured by the function instead of passed as an input.
 */
public final class GradCheck {

  /** The function under check: builds its output from {@code inputs} with ops in {@code fwd}. */
  @FunctionalInterface
  public interface Fn {
    /** Computes the output; must be deterministic (seed any randomness inside it). */
    Tensor apply(Forward fwd, List<Tensor> inputs);
  }

  /** Settings of a check. */
  public record Options(double epsilon, double absTol, double relTol, int maxElementsPerInput, long seed) {
    /** The defaults justified in the class documentation. */
    public static Options defaults() {
      return new Options(1e-3, 2e-3, 2e-2, 4096, 42L);
    }

    /** The same options with other tolerances. */
    public Options withTolerances(double abs, double rel) {
      return new Options(epsilon, abs, rel, maxElementsPerInput, seed);
    }
  }

  /**
   * The worst mismatch found for one input.
   *
   * @param relativeError ‖analytic − numeric‖ / ‖numeric‖ over the checked elements (0 if
   *     both are zero): a whole-tensor measure in which rounding noise averages out, so a
   *     gradient that is off by a small factor everywhere (1%) shows as that factor
   */
  public record InputResult(int input, int worstIndex, double analytic, double numeric, double error,
                            double allowed, int checked, double relativeError) {
    /** Whether every checked element was within tolerance. */
    public boolean passed() {
      return error <= allowed;
    }
  }

  /** The outcome of a check: one entry per input. */
  public record Report(String name, List<InputResult> inputs) {
    /** Whether every input passed. */
    public boolean passed() {
      return inputs.stream().allMatch(InputResult::passed);
    }

    /** A readable account, one line per input, naming the worst element. */
    public String describe() {
      StringBuilder sb = new StringBuilder("gradient check of " + name + ":");
      for (InputResult r : inputs) {
        sb.append(String.format(Locale.ROOT,
            "%n  input %d: %s, worst element %d analytic %.6g numeric %.6g |diff| %.3g (allowed %.3g, %d checked)",
            r.input(), r.passed() ? "ok" : "FAILED", r.worstIndex(), r.analytic(), r.numeric(),
            r.error(), r.allowed(), r.checked()));
      }
      return sb.toString();
    }

    /** Throws an {@link AssertionError} with {@link #describe()} unless the check passed. */
    public Report assertPassed() {
      if (!passed()) {
        throw new AssertionError(describe());
      }
      return this;
    }
  }

  private GradCheck() {}

  /** Checks with default options and throws if any gradient is wrong. */
  public static Report assertGradients(String name, Fn f, Tensor... inputs) {
    return check(name, f, List.of(inputs), Options.defaults()).assertPassed();
  }

  /** Runs the check on the fastest kernels. */
  public static Report check(String name, Fn f, List<Tensor> inputs, Options opt) {
    return check(name, f, inputs, opt, Kernels.detect());
  }

  /** Runs the check on the given kernels (to compare kernel paths). */
  public static Report check(String name, Fn f, List<Tensor> inputs, Options opt, Kernels kernels) {
    Tape tape = Tape.watching(inputs);
    Tensor out = f.apply(Forward.recording(tape, kernels), inputs);
    SplittableRandom random = new SplittableRandom(opt.seed());
    float[] projection = new float[out.size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = (float) (random.nextDouble() * 2 - 1);
    }
    if (!tape.tracks(out)) {
      throw new IllegalArgumentException("gradient check of " + name + ": the output does not depend on any input");
    }
    Gradients grads = tape.backward(out, projection, new Gradients());
    Fn inference = (fwd, in) -> f.apply(Forward.inference(kernels), in);
    List<InputResult> results = new ArrayList<>();
    for (int in = 0; in < inputs.size(); in++) {
      Tensor x = inputs.get(in);
      float[] analytic = grads.get(x) == null ? new float[x.size()] : grads.get(x).clone();
      results.add(checkInput(in, x, analytic, inference, inputs, projection, opt, random));
    }
    return new Report(name, results);
  }

  private static InputResult checkInput(int index, Tensor x, float[] analytic, Fn f,
                                        List<Tensor> inputs, float[] projection, Options opt,
                                        SplittableRandom random) {
    float[] data = x.data();
    int n = data.length;
    int checks = Math.min(n, opt.maxElementsPerInput());
    int worst = -1;
    double worstErr = 0;
    double worstAllowed = opt.absTol();
    double worstNum = 0;
    double worstAna = 0;
    double worstExcess = Double.NEGATIVE_INFINITY;
    double diffSquared = 0;
    double numericSquared = 0;
    for (int c = 0; c < checks; c++) {
      int i = checks == n ? c : random.nextInt(n);
      float original = data[i];
      data[i] = (float) (original + opt.epsilon());
      double plus = projected(f, inputs, projection);
      data[i] = (float) (original - opt.epsilon());
      double minus = projected(f, inputs, projection);
      data[i] = original;
      double numeric = (plus - minus) / (2 * opt.epsilon());
      double err = Math.abs(analytic[i] - numeric);
      diffSquared += err * err;
      numericSquared += numeric * numeric;
      double allowed = opt.absTol() + opt.relTol() * Math.max(Math.abs(analytic[i]), Math.abs(numeric));
      if (err - allowed > worstExcess) {
        worstExcess = err - allowed;
        worst = i;
        worstErr = err;
        worstAllowed = allowed;
        worstNum = numeric;
        worstAna = analytic[i];
      }
    }
    double relative = diffSquared == 0 ? 0 : Math.sqrt(diffSquared / Math.max(numericSquared, Double.MIN_NORMAL));
    return new InputResult(index, worst, worstAna, worstNum, worstErr, worstAllowed, checks, relative);
  }

  /** {@code Σ_i r_i·f(x)_i} of an unrecorded pass (a new one each time: the input has changed). */
  private static double projected(Fn f, List<Tensor> inputs, float[] projection) {
    float[] y = f.apply(null, inputs).data();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (double) y[i] * projection[i];
    }
    return s;
  }
}

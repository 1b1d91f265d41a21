package dev.attento.cells.kit;

import static dev.attento.cells.kit.CellConformance.fail;
import static dev.attento.cells.kit.CellConformance.format;
import static dev.attento.cells.kit.CellConformance.pass;
import static dev.attento.cells.kit.CellConformance.run;

import dev.attento.cells.fused.GateFunction;
import dev.attento.cells.fused.GateStep;
import dev.attento.cells.spi.CellState;
import dev.attento.core.gradcheck.GradCheck;
import dev.attento.core.init.Initializers;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.ops.Shaping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conformance check of a {@link GateFunction}, the element-wise step of a fused cell: its
 * hand-written {@link GateFunction#backward} against central finite differences of its
 * {@link GateFunction#forward}, with respect to both pre-activations and every previous state
 * part, with the cell kit's tolerances (a derivative 1% off fails). Also checked: the declared
 * sizes are usable; forward and backward write every output element of their rows (arrays are
 * handed over full of NaN, as reused scratch may be) and nothing beyond them; the forward step
 * is a pure function (twice the same bits).
 *
 * <p>Use it from a JUnit test: {@code GateFunctionCheck.check(new MyGates()).assertPassed()}.
 * The cell kit ({@link CellConformance}) then checks the whole cell, projections included.
 */
public final class GateFunctionCheck {

  private final GateFunction gates;
  private final KitSizes size;
  private final int hidden;
  private final int rows;

  private GateFunctionCheck(GateFunction gates, KitSizes size) {
    this.gates = gates;
    this.size = size;
    this.hidden = size.hidden();
    this.rows = size.batch();
  }

  /** Checks at the kit's default sizes (hidden 12, 5 rows). */
  public static ConformanceReport check(GateFunction gates) {
    return check(gates, KitSizes.DEFAULT);
  }

  /** Checks with {@code size.hidden()} units and {@code size.batch()} rows. */
  public static ConformanceReport check(GateFunction gates, KitSizes size) {
    GateFunctionCheck c = new GateFunctionCheck(gates, size);
    List<ConformanceReport.PropertyResult> results = new ArrayList<>();
    results.add(run("declaration", c::declaration));
    if (results.get(0).passed()) {
      results.add(run("writes outputs", c::writesOutputs));
      results.add(run("purity", c::purity));
      results.add(run("derivative", c::derivative));
    }
    return new ConformanceReport(gates.getClass().getName(), results);
  }

  /** The report as one property of a cell's report: the first failure, or the derivative's figures. */
  static String[] asOneProperty(ConformanceReport report) {
    for (ConformanceReport.PropertyResult r : report.results()) {
      if (!r.passed()) {
        return fail(r.property() + ": " + r.detail());
      }
    }
    return pass(report.results().get(report.results().size() - 1).detail());
  }

  private String[] declaration() {
    int g = gates.gates();
    int parts = gates.stateParts();
    int saved = gates.savedWidth(hidden);
    if (g < 1 || parts < 1 || saved < 0) {
      return fail("declares " + g + " gates, " + parts + " state parts, " + saved + " saved floats a row;"
          + " needs at least 1, 1 and 0");
    }
    return pass(g + " gate block(s), " + parts + " state part(s), " + saved + " saved floats a row at hidden " + hidden);
  }

  private int width() {
    return gates.gates() * hidden;
  }

  private float[] random(long seed, int n, double scale) {
    Tensor t = Tensor.zeros(n);
    Initializers.uniform(scale).fill(t, Randomness.create(seed));
    return t.data();
  }

  /** Pre-activations of typical magnitude (±2) and a previous state within ±1. */
  private List<Tensor> inputs() {
    List<Tensor> in = new ArrayList<>();
    in.add(Tensor.of(random(1, rows * width(), 2), rows, width()));
    in.add(Tensor.of(random(2, rows * width(), 2), rows, width()));
    for (int p = 0; p < gates.stateParts(); p++) {
      in.add(Tensor.of(random(3 + p, rows * hidden, 1), rows, hidden));
    }
    return in;
  }

  private static Nonlinear nonlinear() {
    return Kernels.detect().nonlinear();
  }

  /** One extra row of slack after the rows handed over, to see writes beyond them. */
  private float[][] nanParts(int perRow) {
    float[][] a = new float[gates.stateParts()][(rows + 1) * perRow];
    for (float[] x : a) {
      Arrays.fill(x, Float.NaN);
    }
    return a;
  }

  private float[] nan(int n) {
    float[] a = new float[n];
    Arrays.fill(a, Float.NaN);
    return a;
  }

  private static float[][] data(List<Tensor> in, int from) {
    float[][] d = new float[in.size() - from][];
    for (int i = from; i < in.size(); i++) {
      d[i - from] = in.get(i).data();
    }
    return d;
  }

  /** Why {@code a} is not finite in [0, n) or not NaN after n, or null. */
  private static String written(String what, float[] a, int n) {
    for (int i = 0; i < n; i++) {
      if (!Float.isFinite(a[i])) {
        return what + " element " + i + " is " + a[i] + " (not written, or not finite)";
      }
    }
    for (int i = n; i < a.length; i++) {
      if (!Float.isNaN(a[i])) {
        return what + " element " + i + " was written, beyond the " + n + " of its rows";
      }
    }
    return null;
  }

  private String[] writesOutputs() {
    List<Tensor> in = inputs();
    float[][] prev = data(in, 2);
    int savedWidth = gates.savedWidth(hidden);
    float[][] next = nanParts(hidden);
    float[] saved = nan((rows + 1) * savedWidth);
    gates.forward(nonlinear(), rows, hidden, in.get(0).data(), in.get(1).data(), prev, next, saved);
    List<String> problems = new ArrayList<>();
    for (int p = 0; p < next.length; p++) {
      problems.add(written("forward: next state part " + p, next[p], rows * hidden));
    }
    problems.add(written("forward: saved", saved, rows * savedWidth));
    float[][] dNext = new float[gates.stateParts()][];
    for (int p = 0; p < dNext.length; p++) {
      dNext[p] = random(20 + p, rows * hidden, 1);
    }
    float[] dxp = nan((rows + 1) * width());
    float[] dhp = nan((rows + 1) * width());
    float[][] dPrev = nanParts(hidden);
    gates.backward(rows, hidden, dNext, Arrays.copyOf(saved, rows * savedWidth), prev, dxp, dhp, dPrev);
    problems.add(written("backward: dxp", dxp, rows * width()));
    problems.add(written("backward: dhp", dhp, rows * width()));
    for (int p = 0; p < dPrev.length; p++) {
      problems.add(written("backward: dPrev part " + p, dPrev[p], rows * hidden));
    }
    String first = problems.stream().filter(s -> s != null).findFirst().orElse(null);
    return first != null ? fail(first) : pass("every output element of " + rows + " rows written, nothing beyond");
  }

  private String[] purity() {
    List<Tensor> in = inputs();
    float[][] a = new float[gates.stateParts()][rows * hidden];
    float[][] b = new float[gates.stateParts()][rows * hidden];
    int savedWidth = gates.savedWidth(hidden);
    gates.forward(nonlinear(), rows, hidden, in.get(0).data(), in.get(1).data(), data(in, 2), a,
        new float[rows * savedWidth]);
    gates.forward(nonlinear(), rows, hidden, in.get(0).data(), in.get(1).data(), data(in, 2), b,
        new float[rows * savedWidth]);
    return Arrays.deepEquals(a, b) ? pass("the same inputs give the same bits twice")
        : fail("two forward calls on the same inputs differ: keep no state between calls");
  }

  private String[] derivative() {
    List<Tensor> in = inputs();
    List<String> names = new ArrayList<>(List.of("xp", "hp"));
    for (int p = 0; p < gates.stateParts(); p++) {
      names.add("previous state part " + p);
    }
    GradCheck.Options defaults = GradCheck.Options.defaults();
    GradCheck.Options options = new GradCheck.Options(size.epsilon(), defaults.absTol(), defaults.relTol(),
        size.maxElementsChecked(), defaults.seed());
    GradCheck.Report report = GradCheck.check("gate step", (fwd, x) -> {
      CellState next = GateStep.apply(fwd, gates, x.get(0), x.get(1), new CellState(x.subList(2, x.size())));
      return Shaping.concat(fwd, 1, next.parts());
    }, in, options);
    return CellConformance.judge(names, List.of(report), List.of("gate step"),
        "%d inputs checked against finite differences" + format(" (%d rows, hidden %d)", rows, hidden));
  }
}

package dev.attento.cells.kit;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.gradcheck.GradCheck;
import dev.attento.core.init.Initializers;
import dev.attento.core.io.SafeTensors;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The conformance kit for cell plugins: checks the properties every cell must have for
 * Attento's encoders and decoders to use it safely, and reports each with the measured
 * discrepancy. Use it from a JUnit test ({@code CellConformance.check(new MyProvider())
 * .assertPassed()}) or from the command line ({@code attento cells check NAME}).
 *
 * <p>Checked, at {@link KitSizes#DEFAULT} (input 7, hidden 12, batch 5, time 6) or another
 * size: named parameters; initialisation statistics (finite, weights not constant and scaled so
 * activations neither vanish nor explode, live first outputs); shapes of states and outputs; a
 * finite-difference gradient check of every parameter, of the input and of the initial state
 * through a padded sequence, strict enough to catch a gradient that is 1% off; stepping one
 * step at a time equals {@code run}; padded steps leave the state alone; the same seed gives
 * the same cell and another seed a different one; parameters survive a safetensors round trip;
 * for a {@link FusedCell}, its gate function passes {@link GateFunctionCheck}.
 */
public final class CellConformance {

  private static final double TOLERANCE = 1e-5;
  /**
   * Largest accepted ‖analytic − numeric‖ / ‖numeric‖ of any tensor's gradient. A gradient 1%
   * off measures 1e-2; the built-in cells measure at most 9.5e-4 at the default sizes and
   * 1.1e-3 at the large ones (rounding noise; ConformanceKitPrecisionTest), so 3e-3 keeps a
   * margin of three on either side.
   */
  static final double MAX_RELATIVE_GRADIENT_ERROR = 3e-3;

  private final KitSizes size;

  private CellConformance(KitSizes size) {
    this.size = size;
  }

  /** Checks a provider with its default options, at the default sizes. */
  public static ConformanceReport check(CellProvider provider) {
    return check(provider, Map.of());
  }

  /** Checks a provider with the given options (completed with defaults), at the default sizes. */
  public static ConformanceReport check(CellProvider provider, Map<String, String> options) {
    return check(provider, options, KitSizes.DEFAULT);
  }

  /**
   * Checks a provider with the given options at the given sizes ({@link KitSizes#LARGE} for
   * the thorough mode).
   *
   * @throws dev.attento.cells.CellRegistryException if an option is unknown
   */
  public static ConformanceReport check(CellProvider provider, Map<String, String> options, KitSizes size) {
    return new CellConformance(size).run(provider, CellRegistry.completeOptions(provider, options));
  }

  private ConformanceReport run(CellProvider provider, Map<String, String> complete) {
    Supplier<RecurrentCell> seeded = () -> create(provider, complete, 17);
    List<ConformanceReport.PropertyResult> results = new ArrayList<>();
    String name = provider.name();
    results.add(run("construction", () -> {
      RecurrentCell c = seeded.get();
      if (c.inputSize() != size.input() || c.hiddenSize() != size.hidden()) {
        return fail("sizes reported as " + c.inputSize() + "→" + c.hiddenSize() + ", built as " + size.input() + "→"
            + size.hidden());
      }
      return pass("built " + size.input() + "→" + size.hidden() + " with " + complete);
    }));
    results.add(run("parameters", () -> parameters(seeded.get())));
    results.add(run("initialisation", () -> InitialisationCheck.check(seeded.get(), inputs(7))));
    results.add(run("shapes", () -> shapes(seeded.get())));
    results.add(run("step = run", () -> stepEqualsRun(seeded.get())));
    results.add(run("masking", () -> masking(seeded.get())));
    results.add(run("gradients", () -> gradients(seeded.get())));
    if (seeded.get() instanceof FusedCell fused) {
      results.add(run("gate function", () -> GateFunctionCheck.asOneProperty(
          GateFunctionCheck.check(fused.gateFunction(), size))));
    }
    results.add(run("determinism", () -> determinism(seeded, provider, complete)));
    results.add(run("save/load", () -> saveLoad(seeded.get(), provider, complete)));
    return new ConformanceReport(name, results);
  }

  private RecurrentCell create(CellProvider provider, Map<String, String> options, long seed) {
    return provider.create(new CellSpec(size.input(), size.hidden(), options, Randomness.create(seed)));
  }

  /**
   * The kit's padding mask {@code [batch, time]}: row 0 ends two steps early, row 2 (if any)
   * one step early, the others run to the end.
   */
  private Tensor mask() {
    float[] m = new float[size.batch() * size.time()];
    for (int b = 0; b < size.batch(); b++) {
      int length = b == 0 ? size.shortLength() : b == 2 ? size.time() - 1 : size.time();
      for (int t = 0; t < length; t++) {
        m[b * size.time() + t] = 1;
      }
    }
    return Tensor.of(m, size.batch(), size.time());
  }

  static ConformanceReport.PropertyResult run(String property, Supplier<String[]> check) {
    try {
      String[] r = check.get();
      return new ConformanceReport.PropertyResult(property, r[0] == null, r[1]);
    } catch (RuntimeException | AssertionError e) {
      return new ConformanceReport.PropertyResult(property, false, "threw " + e);
    }
  }

  static String[] pass(String detail) {
    return new String[] {null, detail};
  }

  static String[] fail(String detail) {
    return new String[] {"fail", detail};
  }

  private Tensor inputs(long seed) {
    Tensor x = Tensor.zeros(size.batch(), size.time(), size.input());
    Initializers.uniform(1).fill(x, Randomness.create(seed));
    return x;
  }

  private static String[] parameters(RecurrentCell cell) {
    Map<String, Tensor> ps = cell.parameters();
    if (ps.isEmpty()) {
      return fail("no parameters");
    }
    for (var e : ps.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || e.getValue().size() == 0) {
        return fail("parameter '" + e.getKey() + "' is unnamed or empty");
      }
    }
    return pass(ps.size() + " parameters: " + String.join(", ", ps.keySet()));
  }

  private String[] shapes(RecurrentCell cell) {
    Forward fwd = Forward.inference();
    int[] state = {size.batch(), size.hidden()};
    CellState init = cell.initialState(size.batch());
    for (Tensor p : init.parts()) {
      if (!Arrays.equals(p.shape(), state)) {
        return fail("initial state part has shape " + Arrays.toString(p.shape()) + ", expected " + Arrays.toString(state));
      }
    }
    CellState next = cell.step(fwd, Shaping.select(fwd, inputs(1), 1, 0), init);
    if (next.size() != init.size()) {
      return fail("step returned " + next.size() + " state parts, the initial state has " + init.size());
    }
    for (Tensor p : next.parts()) {
      if (!Arrays.equals(p.shape(), state)) {
        return fail("state after a step has shape " + Arrays.toString(p.shape()) + ", expected " + Arrays.toString(state));
      }
    }
    int[] out = cell.run(fwd, inputs(1), init, null).outputs().shape();
    int[] expected = {size.batch(), size.time(), size.hidden()};
    if (!Arrays.equals(out, expected)) {
      return fail("run outputs have shape " + Arrays.toString(out) + ", expected " + Arrays.toString(expected));
    }
    return pass(init.size() + " state part(s) of " + Arrays.toString(state) + "; run gives " + Arrays.toString(expected));
  }

  private String[] stepEqualsRun(RecurrentCell cell) {
    Forward fwd = Forward.inference();
    Tensor x = inputs(2);
    CellState s = cell.initialState(size.batch());
    List<Tensor> outs = new ArrayList<>();
    for (int t = 0; t < size.time(); t++) {
      s = cell.step(fwd, Shaping.select(fwd, x, 1, t), s);
      outs.add(s.output());
    }
    Tensor stepped = Shaping.stack(fwd, 1, outs);
    RecurrentCell.SequenceResult run = cell.run(fwd, x, cell.initialState(size.batch()), null);
    double d = Math.max(maxDiff(stepped, run.outputs()), stateDiff(s, run.last()));
    return d <= TOLERANCE ? pass(format("max |step - run| = %.2e", d)) : fail(format("max |step - run| = %.2e > %.0e", d, TOLERANCE));
  }

  private String[] masking(RecurrentCell cell) {
    Forward fwd = Forward.inference();
    // Row 0 is real for all but 2 steps, then padded; it must end as if it had been that long.
    Tensor x = inputs(3);
    int real = size.shortLength();
    RecurrentCell.SequenceResult padded = cell.run(fwd, x, cell.initialState(size.batch()), mask());
    Tensor shortX = Shaping.slice(fwd, Shaping.slice(fwd, x, 0, 0, 1), 1, 0, real);
    RecurrentCell.SequenceResult alone = cell.run(fwd, shortX, cell.initialState(1), null);
    double d = 0;
    for (int p = 0; p < alone.last().size(); p++) {
      d = Math.max(d, maxDiff(Shaping.slice(fwd, padded.last().part(p), 0, 0, 1), alone.last().part(p)));
    }
    d = Math.max(d, maxDiff(Shaping.slice(fwd, Shaping.slice(fwd, padded.outputs(), 0, 0, 1), 1, 0, real),
        alone.outputs()));
    return d <= TOLERANCE ? pass(format("padded vs unpadded final state and outputs: max diff %.2e", d))
        : fail(format("padding changed the state: max diff %.2e > %.0e", d, TOLERANCE));
  }

  /**
   * Finite differences against the analytic gradient of every input: the sequence, every part
   * of a random initial state (a decoder starts from an encoder's final state, so that
   * gradient matters) and every parameter — through {@code run} with a padded step, and
   * through two calls of {@code step}.
   */
  private String[] gradients(RecurrentCell cell) {
    Tensor x = inputs(4);
    Tensor mask = mask();
    GradCheck.Options defaults = GradCheck.Options.defaults();
    GradCheck.Options options = new GradCheck.Options(size.epsilon(), defaults.absTol(), defaults.relTol(),
        size.maxElementsChecked(), defaults.seed());
    List<Tensor> inputs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    inputs.add(x);
    names.add("input");
    int parts = cell.initialState(size.batch()).size();
    for (int p = 0; p < parts; p++) {
      inputs.add(randomState(40 + p));
      names.add("initial state part " + p);
    }
    inputs.addAll(cell.parameters().values());
    names.addAll(cell.parameters().keySet());
    GradCheck.Report viaRun = GradCheck.check("cell.run", (fwd, in) -> {
      RecurrentCell.SequenceResult r = cell.run(fwd, in.get(0), new CellState(in.subList(1, 1 + parts)), mask);
      List<Tensor> all = new ArrayList<>(r.last().parts());
      all.add(0, Shaping.reshape(fwd, r.outputs(), size.batch(), size.time() * size.hidden()));
      return Shaping.concat(fwd, 1, all);
    }, inputs, options);
    GradCheck.Report viaStep = GradCheck.check("cell.step", (fwd, in) -> {
      CellState s = new CellState(in.subList(1, 1 + parts));
      s = cell.step(fwd, Shaping.select(fwd, in.get(0), 1, 0), s);
      s = cell.step(fwd, Shaping.select(fwd, in.get(0), 1, 1), s);
      return Shaping.concat(fwd, 1, s.parts());
    }, inputs, options);
    return judge(names, List.of(viaRun, viaStep), List.of("run", "step"), "%d tensors checked through run and step");
  }

  /**
   * The verdict of gradient checks: the first input whose element-wise check failed or whose
   * whole-tensor error exceeds {@link #MAX_RELATIVE_GRADIENT_ERROR}, else a pass naming the
   * worst relative error.
   *
   * @param names what each input is, by index
   * @param vias how each report reached the inputs (e.g. {@code run})
   * @param passed the pass message's start, with a {@code %d} for the number of inputs
   */
  static String[] judge(List<String> names, List<GradCheck.Report> reports, List<String> vias, String passed) {
    double worst = 0;
    for (int k = 0; k < reports.size(); k++) {
      String via = vias.get(k);
      for (GradCheck.InputResult r : reports.get(k).inputs()) {
        worst = Math.max(worst, r.relativeError());
        if (!r.passed()) {
          return fail(format("%s (via %s): analytic %.6g vs numeric %.6g at element %d (|diff| %.2e, allowed %.2e)",
              names.get(r.input()), via, r.analytic(), r.numeric(), r.worstIndex(), r.error(), r.allowed()));
        }
        if (r.relativeError() > MAX_RELATIVE_GRADIENT_ERROR) {
          return fail(format("%s (via %s): gradient off by %.2f%% overall (|analytic - numeric| / |numeric| = %.2e,"
              + " allowed %.0e)", names.get(r.input()), via, 100 * r.relativeError(), r.relativeError(),
              MAX_RELATIVE_GRADIENT_ERROR));
        }
      }
    }
    return pass(format(passed + ", worst |analytic - numeric| / |numeric| = %.2e", names.size(), worst));
  }

  private Tensor randomState(long seed) {
    var r = Randomness.create(seed);
    float[] d = new float[size.batch() * size.hidden()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextDouble() - 0.5);
    }
    return Tensor.of(d, size.batch(), size.hidden());
  }

  private String[] determinism(Supplier<RecurrentCell> seeded, CellProvider provider, Map<String, String> options) {
    Forward fwd = Forward.inference();
    RecurrentCell a = seeded.get();
    RecurrentCell b = seeded.get();
    RecurrentCell c = create(provider, options, 18);
    boolean same = true;
    boolean differs = false;
    for (String name : a.parameters().keySet()) {
      same &= Arrays.equals(a.parameters().get(name).data(), b.parameters().get(name).data());
      differs |= !Arrays.equals(a.parameters().get(name).data(), c.parameters().get(name).data());
    }
    if (!same) {
      return fail("two cells built from seed 17 have different parameters");
    }
    if (!differs) {
      return fail("cells built from seeds 17 and 18 are identical: the random source is ignored");
    }
    double d = maxDiff(a.run(fwd, inputs(5), a.initialState(size.batch()), null).outputs(),
        b.run(fwd, inputs(5), b.initialState(size.batch()), null).outputs());
    return d == 0 ? pass("same seed, same parameters and outputs; another seed differs")
        : fail(format("same seed, outputs differ by %.2e", d));
  }

  private String[] saveLoad(RecurrentCell cell, CellProvider provider, Map<String, String> options) {
    Forward fwd = Forward.inference();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("attento-conformance");
      Path file = dir.resolve("cell.safetensors");
      SafeTensors.write(file, cell.parameters());
      RecurrentCell other = create(provider, options, 99);
      SafeTensors.Contents loaded = SafeTensors.read(file);
      for (var e : other.parameters().entrySet()) {
        Tensor saved = loaded.tensor(e.getKey());
        if (!Arrays.equals(saved.shape(), e.getValue().shape())) {
          return fail("parameter '" + e.getKey() + "' saved as " + Arrays.toString(saved.shape())
              + " but built as " + Arrays.toString(e.getValue().shape()));
        }
        System.arraycopy(saved.data(), 0, e.getValue().data(), 0, saved.size());
      }
      double d = maxDiff(cell.run(fwd, inputs(6), cell.initialState(size.batch()), null).outputs(),
            other.run(fwd, inputs(6), other.initialState(size.batch()), null).outputs());
      return d == 0 ? pass("outputs identical after a safetensors round trip")
          : fail(format("outputs differ by %.2e after loading saved parameters", d));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private static double stateDiff(CellState a, CellState b) {
    double d = 0;
    for (int i = 0; i < a.size(); i++) {
      d = Math.max(d, maxDiff(a.part(i), b.part(i)));
    }
    return d;
  }

  private static double maxDiff(Tensor a, Tensor b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      return Double.POSITIVE_INFINITY;
    }
    double d = 0;
    for (int i = 0; i < a.size(); i++) {
      d = Math.max(d, Math.abs(a.data()[i] - b.data()[i]));
    }
    return d;
  }

  static String format(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}

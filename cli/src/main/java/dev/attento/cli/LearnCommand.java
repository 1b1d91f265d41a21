package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.diagnostics.AddingProblem;
import dev.attento.cells.diagnostics.LongRangeLearning;
import dev.attento.core.kernels.Kernels;
import dev.attento.cli.charts.Charts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento cells learn}: trains each cell on the adding problem (Hochreiter &amp;
 * Schmidhuber 1997) and reports whether it learned the long-range dependency — the
 * behavioural side of {@code attento gradients}. Progress goes to standard error, the
 * table to standard output.
 */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train each cell on the adding problem (sum of two marked values, one in each half of a length-T "
        + "sequence) and compare its held-out MSE with the 0.167 of always answering 1.",
        "Settings are CELL or CELL:key=value,key=value, as for 'attento gradients'."})
final class LearnCommand implements Callable<Integer> {

  @Option(names = "--cells", split = ";|\\s", defaultValue = "rnn;lstm;gru",
      description = "Settings separated by ';' (default: ${DEFAULT-VALUE}).")
  List<String> settings;

  @Option(names = "--length", defaultValue = "100", description = "Sequence length T (default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--hidden", defaultValue = "32", description = "Hidden size (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--batch", defaultValue = "32", description = "Sequences per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--steps", defaultValue = "2000", description = "Adam steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--clip", defaultValue = "1.0",
      description = "Gradient-norm clipping, 0 for none (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--eval-every", defaultValue = "100",
      description = "Steps between held-out evaluations (default: ${DEFAULT-VALUE}).")
  int evalEvery;

  @Option(names = "--eval-size", defaultValue = "512", description = "Held-out sequences (default: ${DEFAULT-VALUE}).")
  int evalSize;

  @Option(names = "--seeds", split = ",", defaultValue = "1",
      description = "Seeds, comma-separated; each cell is trained once per seed (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(names = "--solved", defaultValue = "0.01",
      description = "Held-out MSE that counts as solved (default: ${DEFAULT-VALUE}).")
  double solved;

  @Option(names = "--stop-when-solved", description = "Stop a run at the first evaluation with MSE <= --solved.")
  boolean stopWhenSolved;

  @Option(names = "--chart", paramLabel = "PNG", description = "Also draw the held-out MSE curves to this file.")
  Path chart;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @picocli.CommandLine.Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CellRegistry registry = plugins.registry();
    Kernels kernels = compute.kernels();
    List<LongRangeLearning.Result> results = new ArrayList<>();
    LongRangeLearning.Listener progress = (label, c) -> {
      err.printf(Locale.ROOT, "  %s: step %d, held-out MSE %.4f%n", label, c.step(), c.mse());
      err.flush();
    };
    for (CellSetting setting : CellSetting.parseAll(settings)) {
      for (long seed : seeds) {
        LongRangeLearning.Settings run = new LongRangeLearning.Settings(length, hidden, batch, steps, lr, clip,
            evalEvery, evalSize, stopWhenSolved ? solved : 0, seed);
        results.add(LongRangeLearning.train(kernels, registry, setting.cell(), setting.options(), run, progress));
      }
    }
    out.printf(Locale.ROOT, "adding problem, T = %d, hidden %d, batch %d, %d steps of Adam %s, clip %s; "
        + "held-out MSE on %d sequences; always answering 1 scores %.3f%n", length, hidden, batch, steps, lr, clip,
        evalSize, AddingProblem.BASELINE_MSE);
    out.printf(Locale.ROOT, "%-40s %6s %7s %10s %11s %10s %10s %12s %9s%n", "setting", "seed", "steps", "MSE",
        "/ baseline", "best MSE", "constant", "MSE<=" + solved + " at", "time");
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (LongRangeLearning.Result r : results) {
      int at = r.firstStepBelow(solved);
      out.printf(Locale.ROOT, "%-40s %6d %7d %10.4f %11.3f %10.4f %10.4f %12s %8.1fs%n", r.label(),
          r.settings().seed(), r.stepsTaken(), r.finalMse(), r.relativeMse(), r.bestMse(), r.constantMse(),
          at < 0 ? "never" : "step " + at, r.millis() / 1000.0);
      series.put(r.label() + " seed " + r.settings().seed(), curve(r));
    }
    out.println("best MSE: lowest held-out MSE seen; constant: what answering the held-out mean scores on the same "
        + "sequences (learning nothing)");
    if (chart != null) {
      Charts.lines(chart, "adding problem, T = " + length, "step", "held-out MSE", series, true);
      err.println("chart: " + chart); // a note about a file, not part of the table
      err.flush();
    }
    out.flush();
    return 0;
  }

  /** The curve as chart points; a diverged run's final NaN is left out (a log axis cannot show it). */
  private static double[][] curve(LongRangeLearning.Result r) {
    List<LongRangeLearning.Checkpoint> c = r.curve().stream().filter(p -> Double.isFinite(p.mse())).toList();
    double[][] xy = new double[2][c.size()];
    for (int i = 0; i < c.size(); i++) {
      xy[0][i] = c.get(i).step();
      xy[1][i] = c.get(i).mse();
    }
    return xy;
  }
}

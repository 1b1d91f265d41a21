package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.diagnostics.GradientFlow;
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
 * {@code attento gradients}: how much gradient reaches each earlier time step, per cell and
 * setting — a table, and a chart with a log y-axis.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure ||dL/dh_t|| back through time for a loss on the last step (vanishing/exploding gradients).",
        "Settings are CELL or CELL:key=value,key=value, e.g. rnn:activation=relu,recurrent_init=identity."})
final class GradientsCommand implements Callable<Integer> {

  @Option(names = "--cells", split = ";|\\s", defaultValue = "rnn;rnn:activation=relu,recurrent_init=identity;rnn:activation=relu,recurrent_init=orthogonal:2.0;lstm;gru",
      description = "Settings separated by ';' (default: ${DEFAULT-VALUE}).")
  List<String> settings;

  @Option(names = "--length", defaultValue = "100", description = "Sequence length T (default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--hidden", defaultValue = "64", description = "Hidden size (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--batch", defaultValue = "16", description = "Sequences averaged (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--clip", defaultValue = "1.0", description = "Clipping threshold shown for the parameter gradient (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--seed", defaultValue = "7", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--chart", paramLabel = "PNG", defaultValue = "gradients.png", description = "Chart file (default: ${DEFAULT-VALUE}).")
  Path chart;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CellRegistry registry = plugins.registry();
    List<GradientFlow.Curve> curves = new ArrayList<>();
    for (CellSetting setting : CellSetting.parseAll(settings)) {
      curves.add(GradientFlow.measure(registry, setting.cell(), setting.options(), length, hidden, batch, clip, seed));
    }
    out.printf(Locale.ROOT, "T = %d, hidden %d, batch %d; L depends on the last step only%n", length, hidden, batch);
    out.printf(Locale.ROOT, "%-52s %11s %11s %11s %9s %11s %11s%n", "setting", "|dL/dh_T|", "|dL/dh_T/2|", "|dL/dh_1|",
        "reach", "|grad W|", "clipped");
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (GradientFlow.Curve c : curves) {
      double[] h = c.hiddenNorms();
      out.printf(Locale.ROOT, "%-52s %11.3g %11.3g %11.3g %9s %11.3g %11.3g%n", c.label(), h[h.length - 1],
          h[h.length / 2], h[0], c.reach(1e-6) + " st", c.parameterNorm(), c.clippedNorm());
      double[][] xy = new double[2][h.length];
      for (int t = 0; t < h.length; t++) {
        xy[0][t] = h.length - 1 - t;
        xy[1][t] = Math.max(h[t], 1e-30);
      }
      series.put(c.label(), xy);
    }
    out.println("reach: steps back from the end before the gradient falls below 1e-6 of its last-step value");
    Charts.lines(chart, "gradient reaching earlier steps", "steps back from the loss", "mean |dL/dh_t|", series, true);
    out.flush();
    // The table is the result; where the chart went is a note (standard error).
    spec.commandLine().getErr().println("chart: " + chart);
    spec.commandLine().getErr().flush();
    return 0;
  }
}

package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.kit.ConformanceReport;
import dev.attento.cells.kit.KitSizes;
import dev.attento.cells.kit.SpeedComparison;
import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.io.SafeTensors;
import dev.attento.core.ops.Forward;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attento cells list|check|run|learn}: the recurrent cells available, their conformance, PyTorch interop,
 * and whether they learn a long-range dependency ({@link LearnCommand}).
 */
@Command(name = "cells", mixinStandardHelpOptions = true,
    description = "Recurrent cells: list them, check a plugin with the conformance kit, run one on PyTorch weights, "
        + "train them on a long-range task.",
    subcommands = {CellsCommand.ListCells.class, CellsCommand.Check.class, CellsCommand.Run.class, LearnCommand.class})
final class CellsCommand implements Runnable {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every cell with its source and options.")
  static final class ListCells implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    PluginsOption plugin;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      CellRegistry r = plugin.registry();
      for (CellRegistry.Entry e : r.entries()) {
        out.printf("%-8s %s%n         source: %s%n", e.name(), e.provider().description(), e.source());
        for (CellOption o : e.provider().options()) {
          out.printf("         --cell-option %s=%s  (%s)%n", o.name(), o.defaultValue(), o.description());
        }
      }
      out.flush();
      return r.problems().isEmpty() ? 0 : UserError.EXIT_CODE;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Run the conformance kit on a cell.")
  static final class Check implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Cell name.")
    String name;

    @Option(names = "--cell-option", paramLabel = "KEY=VALUE", description = "Cell option.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--large", description = "Check at the kit's large sizes (input 48, hidden 96, batch 8, time 12; slower).")
    boolean large;

    @Option(names = "--speed", arity = "0..1", fallbackValue = "20", paramLabel = "ROUNDS",
        description = "After a pass, time the cell against the built-in LSTM (median of ROUNDS passes each, default 20).")
    Integer speedRounds;

    @picocli.CommandLine.Mixin
    PluginsOption plugin;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (speedRounds != null && speedRounds < 1) {
        throw new UserError("--speed needs at least 1 round, got " + speedRounds);
      }
      CellProvider provider = plugin.registry().provider(name);
      ConformanceReport report = CellConformance.check(provider, options, large ? KitSizes.LARGE : KitSizes.DEFAULT);
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.describe());
      if (report.passed() && speedRounds != null) {
        out.println(SpeedComparison.measure(provider, options, plugin.registry().provider("lstm"), speedRounds).describe());
      }
      out.println(report.passed() ? "PASSED" : "FAILED");
      out.flush();
      return report.passed() ? 0 : UserError.EXIT_CODE;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Run a single-layer cell on PyTorch-named weights (weight_ih_l0, ...) and write its outputs.",
          "Input [batch, time, features] batch-first, zero initial state unless h0/c0 are in the input file."})
  static final class Run implements Callable<Integer> {
    @Option(names = "--cell", required = true, description = "Cell name.")
    String cell;

    @Option(names = "--weights", required = true, paramLabel = "SAFETENSORS", description = "Weights with PyTorch state_dict names.")
    Path weights;

    @Option(names = "--input", required = true, paramLabel = "SAFETENSORS", description = "Tensor 'input' (and optional 'h0', 'c0').")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "SAFETENSORS", description = "Where to write output, h_n (, c_n) and gradients.")
    Path output;

    @Option(names = "--grad-output", paramLabel = "SAFETENSORS", description = "Gradient of the output (tensor 'grad_output'): also write grad_input and grad_<weight>.")
    Path gradOutput;

    @Option(names = "--cell-option", paramLabel = "KEY=VALUE", description = "Cell option, e.g. activation=relu.")
    Map<String, String> options = new LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    PluginsOption plugin;

    @picocli.CommandLine.Mixin
    ComputeOptions compute;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      SafeTensors.Contents w = SafeTensors.read(weights);
      SafeTensors.Contents in = SafeTensors.read(input);
      Tensor x = in.tensor("input");
      if (x.rank() != 3) {
        throw new UserError(input + ": 'input' must be [batch, time, features], got " + java.util.Arrays.toString(x.shape()));
      }
      Tensor whh = w.tensor("weight_hh_l0");
      RecurrentCell c = plugin.registry().create(cell, x.dim(2), whh.dim(1), options, Randomness.create(0));
      for (var e : c.parameters().entrySet()) {
        Tensor src = w.tensor(e.getKey() + "_l0");
        if (!java.util.Arrays.equals(src.shape(), e.getValue().shape())) {
          throw new UserError(weights + ": '" + e.getKey() + "_l0' has shape " + java.util.Arrays.toString(src.shape())
              + ", the " + cell + " cell needs " + java.util.Arrays.toString(e.getValue().shape()));
        }
        System.arraycopy(src.data(), 0, e.getValue().data(), 0, src.size());
      }
      // Watch the input and the weights, so one backward pass gives PyTorch's grad_input and weight grads.
      Tape tape = Tape.watching(c.parameters().values()).watch(x);
      Forward fwd = Forward.recording(tape, compute.kernels());
      CellState init = c.initialState(x.dim(0));
      java.util.List<Tensor> parts = new java.util.ArrayList<>(init.parts());
      String[] stateNames = {"h0", "c0"};
      for (int i = 0; i < parts.size() && i < stateNames.length; i++) {
        if (in.tensors().containsKey(stateNames[i])) {
          parts.set(i, Tensor.of(in.tensor(stateNames[i]).data().clone(), parts.get(i).shape()));
        }
      }
      RecurrentCell.SequenceResult r = c.run(fwd, x, new CellState(parts), null);
      Map<String, Tensor> result = new LinkedHashMap<>();
      result.put("output", r.outputs().copy());
      result.put("h_n", Tensor.of(r.last().output().data(), 1, x.dim(0), whh.dim(1)));
      if (r.last().size() > 1) {
        result.put("c_n", Tensor.of(r.last().part(1).data(), 1, x.dim(0), whh.dim(1)));
      }
      if (gradOutput != null) {
        Gradients g = tape.backward(r.outputs(), SafeTensors.read(gradOutput).tensor("grad_output").data(), new Gradients());
        result.put("grad_input", g.tensor(x));
        c.parameters().forEach((name, t) -> result.put("grad_" + name + "_l0", g.tensor(t)));
      }
      SafeTensors.write(output, result);
      spec.commandLine().getErr().println("wrote " + String.join(", ", result.keySet()) + " to " + output);
      spec.commandLine().getErr().flush();
      return 0;
    }
  }
}

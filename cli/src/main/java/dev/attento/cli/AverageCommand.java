package dev.attento.cli;

import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.CheckpointAveraging;
import dev.attento.seq2seq.train.Checkpoints;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attento average}: one model whose weights are the mean of several checkpoints' weights. */
@Command(name = "average", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Average the weights of checkpoints of one model into a new model directory (translate -m OUT).",
        "attento average -o OUT RUN_OR_CHECKPOINT...   or   attento average -o OUT --last N RUN"})
final class AverageCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "The model directory to write (new, empty, or a model directory to replace).")
  Path output;

  @Option(names = "--last", paramLabel = "N", description = "Average the newest N checkpoints of the one RUN given.")
  Integer last;

  @Parameters(paramLabel = "RUN_OR_CHECKPOINT", arity = "1..*",
      description = "Checkpoint directories, or runs (their latest checkpoint).")
  List<Path> inputs;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    inputs = RunDirectory.latest(inputs, spec.commandLine().getErr());
    List<Path> checkpoints = checkpoints();
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("checkpoints")) {
      throw new UserError("-o " + output + " is inside a run's checkpoints; give a directory of its own");
    }
    for (Path c : checkpoints) {
      Path dir = Checkpoints.resolve(c);
      if (Files.exists(output) && Files.isSameFile(dir, output)) {
        throw new UserError("-o " + output + " is one of the checkpoints to average; give a new directory");
      }
    }
    ModelBundle averaged = CheckpointAveraging.average(checkpoints, plugins.dir);
    CheckpointAveraging.write(output, averaged, runConfig(inputs.get(0)));
    // A note about a file written, not a result: standard error, as everywhere.
    PrintWriter out = spec.commandLine().getErr();
    out.println("averaged " + checkpoints.size() + " checkpoint" + (checkpoints.size() == 1 ? "" : "s") + " ("
        + String.join(", ", checkpoints.stream().map(p -> Checkpoints.resolve(p).getFileName().toString()).toList())
        + ") into " + output);
    out.flush();
    return 0;
  }

  private List<Path> checkpoints() throws java.io.IOException {
    if (last == null) {
      return inputs;
    }
    if (inputs.size() != 1) {
      throw new UserError("--last N takes one run directory, got " + inputs.size());
    }
    if (last < 1) {
      throw new UserError("--last must be at least 1, got " + last);
    }
    return new ArrayList<>(CheckpointAveraging.last(inputs.get(0), last));
  }

  /** The run's config.json, copied so that translate and eval use its decoding settings and dev set. */
  private static List<Path> runConfig(Path input) {
    Path run = Files.isDirectory(input.resolve("checkpoints")) ? input : input.toAbsolutePath().getParent().getParent();
    Path config = run == null ? null : run.resolve("config.json");
    return config != null && Files.isRegularFile(config) ? List.of(config) : List.of();
  }
}

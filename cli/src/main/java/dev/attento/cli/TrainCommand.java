package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.StopReason;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento train}: with no arguments, trains the embedded default toy translator
 * (English number words → Italian) and translates a few examples. Ctrl-C finishes the
 * current step, writes a checkpoint and exits; {@code --resume} continues.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train a translator. With no options: the default toy task (English number words to Italian).",
        "The run is saved to runs/<name>/ (config.json, metrics.csv, curves.png, checkpoints/)."})
final class TrainCommand implements Callable<Integer> {

  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--name", description = "Run name (default: <task>-<attention>).")
  String name;

  @Option(names = "--runs", paramLabel = "DIR", description = "Where runs are saved (default: ${DEFAULT-VALUE}).")
  Path runs = Path.of("runs");

  @Option(names = "--resume", paramLabel = "RUN", description = "Continue an interrupted run (its directory).")
  Path resume;

  @Mixin
  PluginsOption plugins;

  @Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // Results (how the run ended, its scores, examples, where it is) on standard output;
    // announcements and progress on standard error.
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Kernels kernels = compute.kernels();
    ExperimentConfig config;
    Path runDir;
    TrainingSession.Prepared prepared;
    // Everything is checked (config, cell and attention names, corpora) before anything is written.
    if (resume != null) {
      Path saved = resume.resolve("config.json");
      if (!Files.isRegularFile(saved)) {
        throw new UserError("cannot resume " + resume + ": no config.json there (is it a run directory?)");
      }
      config = experiment.applyResumeOverrides(ConfigTree.fromJson(Files.readString(saved), saved.toString())).bind();
      prepared = TrainingSession.Prepared.of(config, resume, plugins.dir(), plugins.pinPolicy());
      runDir = resume;
    } else {
      config = experiment.build().bind();
      checkCell(config); // before the data is read or generated
      prepared = TrainingSession.Prepared.of(config, null, plugins.dir(), plugins.pinPolicy());
      String runName = name != null ? name : defaultName(config);
      runDir = RunDirectory.fresh(runs, runName);
    }
    TrainingSession.Outcome outcome = TrainingSession.run(config, prepared, runDir, resume != null, kernels,
        out, err);
    Trainer.Result result = outcome.result();
    ModelBundle model = outcome.model();
    if (result.reason() != StopReason.INTERRUPTED) {
      showExamples(out, config, model, kernels);
    }
    out.println("run: " + runDir);
    out.flush();
    return result.reason() == StopReason.INTERRUPTED ? 130 : 0;
  }

  /**
   * The cell and its options of a new run, checked before any data is generated or a run
   * directory made, so a mistyped option costs nothing and leaves nothing behind. (A resumed
   * run's cell is checked by loading its checkpoint, which may find a plugin through the jar
   * the run recorded.)
   */
  private void checkCell(ExperimentConfig config) {
    CellRegistry.completeOptions(plugins.registry().provider(config.model().cell()), config.model().cellOptions());
  }

  private static String defaultName(ExperimentConfig c) {
    String data = c.data().generated() ? c.data().task()
        : c.data().train().getFileName().toString().replaceAll("\\.[^.]*$", "");
    return data + "-" + c.model().attention();
  }

  private static void showExamples(PrintWriter out, ExperimentConfig config, ModelBundle model, Kernels kernels) {
    List<String> examples = config.data().generated() ? ToyTasks.byName(config.data().task()).examples() : List.of();
    if (examples.isEmpty()) {
      return;
    }
    out.println("examples:");
    for (Translation t : new TextTranslator(model, DecodingOptions.greedy(), false, kernels).translate(examples)) {
      out.println("  " + t.source() + "  →  " + t.text());
    }
  }
}

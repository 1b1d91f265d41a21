package dev.attento.cli;

import dev.attento.seq2seq.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --best}: which checkpoint of a run a command loads, the one {@code BEST} points to
 * (the best dev score) instead of {@code LATEST}.
 */
final class CheckpointChoice {

  @Option(names = "--best", description = "Load the run's best checkpoint by its dev metric (BEST) instead of the latest.")
  boolean best;

  /** The directory to load the model from: {@code run} itself, or its BEST checkpoint with {@code --best}. */
  Path of(Path run) {
    if (!best) {
      return run;
    }
    if (!Files.isDirectory(run.resolve("checkpoints"))) {
      throw new UserError("--best needs a run directory (with checkpoints/BEST), not " + run);
    }
    return Checkpoints.best(run).orElseThrow(() -> new UserError(run + " has no best checkpoint yet (no "
        + run.resolve("checkpoints").resolve(Checkpoints.BEST) + "; it is written at the first dev evaluation)"));
  }
}

package dev.attento.cli;

import dev.attento.seq2seq.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a run's saved config says about decoding, for the commands that load a run. */
final class RunDecoding {

  private RunDecoding() {}

  /** Whether the run's config sets {@code decoding.replaceUnknown} (false for a run without config.json). */
  static boolean replaceUnknown(Path run) throws IOException {
    Path config = run.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return false;
    }
    return ExperimentConfig.fromJson(Files.readString(config), config.toString()).flag("decoding.replaceUnknown");
  }
}

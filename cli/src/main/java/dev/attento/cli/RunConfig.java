package dev.attento.cli;

import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run directory's saved {@code config.json}, for the commands that load a run. */
final class RunConfig {

  private RunConfig() {}

  /** The run's config, or {@code null} for a run (e.g. a bare checkpoint) without config.json. */
  static ExperimentConfig read(Path run) throws IOException {
    Path config = run.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    return ConfigTree.fromJson(Files.readString(config), config.toString()).bind();
  }

  /** Whether {@code config} sets {@code decoding.replaceUnknown} (false without a config). */
  static boolean replaceUnknown(ExperimentConfig config) {
    return config != null && config.decoding().replaceUnknown();
  }
}

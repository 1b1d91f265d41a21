package dev.attento.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run lives: {@code runs/<name>/} with config.json, metrics.csv, charts and checkpoints. */
final class RunDirectory {

  private RunDirectory() {}

  /** A new directory {@code base/name}, or {@code name-2}, {@code name-3}… if taken. */
  static Path fresh(Path base, String name) throws IOException {
    Path dir = base.resolve(name);
    for (int i = 2; Files.exists(dir); i++) {
      dir = base.resolve(name + "-" + i);
    }
    Files.createDirectories(dir);
    return dir;
  }
}

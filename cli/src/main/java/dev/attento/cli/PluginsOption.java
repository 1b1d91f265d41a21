package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}, shared by every command that builds cells. */
final class PluginsOption {

  @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of cell plugin jars.")
  Path dir;

  /** The registry of built-in cells plus those in the plugin directory. */
  CellRegistry registry() {
    return CellRegistry.load(dir);
  }
}

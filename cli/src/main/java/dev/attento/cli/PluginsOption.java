package dev.attento.cli;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.PinPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --plugins DIR}, shared by every command that builds cells. The plugin jars' problems
 * (a jar that cannot be used, a provider that fails) are printed once, to standard error,
 * the first time the command looks at its plugins; they never stop the other cells.
 */
final class PluginsOption {

  @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of cell plugin jars.")
  Path dir;

  @Option(names = "--accept-changed-plugins",
      description = "Load a model whose plugin jar differs from the one it was trained with, with a warning "
          + "(for a jar rebuilt without changing the cell's maths).")
  boolean acceptChanged;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private CellRegistry loaded;

  /** The registry of built-in cells plus those in the plugin directory; its problems reported once. */
  CellRegistry registry() {
    if (loaded == null) {
      loaded = CellRegistry.load(dir);
      PrintWriter err = command.commandLine().getErr();
      loaded.problems().forEach(p -> err.println("plugins: " + p));
      err.flush();
    }
    return loaded;
  }

  /**
   * What loading a model does if a plugin cell's jar is not the one it was trained with:
   * refuse, naming the override, or with {@code --accept-changed-plugins} warn on standard
   * error and load it.
   */
  PinPolicy pinPolicy() {
    if (!acceptChanged) {
      return PinPolicy.refuse("--accept-changed-plugins");
    }
    PrintWriter err = command.commandLine().getErr();
    return PinPolicy.loadAnyway(warning -> {
      err.println("warning: " + warning);
      err.flush();
    });
  }

  /** The plugin directory, or null; its problems are reported (once) before it is handed on. */
  Path dir() {
    if (dir != null) {
      registry();
    }
    return dir;
  }
}

package dev.attento.cli;

import dev.attento.seq2seq.config.ConfigDocs;
import dev.attento.seq2seq.config.ConfigException;
import dev.attento.seq2seq.config.ConfigFormat;
import dev.attento.seq2seq.config.ConfigTree;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attento config}: prints the complete default configuration (a starting point for
 * {@code attento train --config FILE}); {@code attento config check FILE} reads and checks a
 * file as {@code train} would and prints one line, ok or the first problem.
 */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the complete default experiment configuration, or check a configuration file.",
        "Every key with its default and allowed values is listed in docs/configuration.md."},
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Callable<Integer> {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
      description = "yaml (default), json (as a run's config.json) or markdown (the key table of docs/configuration.md).")
  String format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String text = switch (format) {
      case "yaml" -> ConfigTree.defaults().write(ConfigFormat.YAML);
      case "json" -> ConfigTree.defaults().write(ConfigFormat.JSON) + "\n";
      case "markdown" -> ConfigDocs.markdown();
      default -> throw new UserError("--format must be yaml, json or markdown, got '" + format + "'");
    };
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return 0;
  }

  /** {@code attento config check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check a configuration file (JSON, or YAML when it ends in .yaml or .yml): prints ok or the first problem.")
  static final class Check implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The configuration file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try {
        ConfigTree.load(file).bind();
      } catch (ConfigException | UncheckedIOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("attento: " + e.getMessage());
        err.flush();
        return UserError.EXIT_CODE;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(file + ": ok");
      out.flush();
      return 0;
    }
  }
}

package dev.attento.cli;

import dev.attento.core.text.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code attento} command. Subcommands do the work; this class only sets up error
 * handling so that a user's mistake is one clear line and a non-zero exit code, while
 * {@code --debug} shows the stack trace.
 */
@Command(
    name = "attento",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sequence-to-sequence translation with recurrent networks and attention.",
    subcommands = {
        TrainCommand.class,
        TranslateCommand.class,
        EvalCommand.class,
        CompareCommand.class,
        AverageCommand.class,
        GradientsCommand.class,
        CellsCommand.class,
        DataCommand.class,
        ServeCommand.class,
        BenchCommand.class,
        ConfigCommand.class,
        CommandLine.HelpCommand.class,
        CompletionCommand.class
    })
public final class Main implements Runnable {

  @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with Attento's error handling. Every error message passes through
   * {@link TerminalText#escape}: messages echo user input (a file name, a keyword, a corpus
   * line), and that input must not drive the terminal.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Options that stand for a config key show the catalogue's description and default.
    cl.getSubcommands().get("train").setResourceBundle(new ConfigHelp(Map.of()));
    cl.getSubcommands().get("compare").setResourceBundle(new ConfigHelp(Map.of("data.task",
        "Toy task generated when data.train is null. Default for compare: " + CompareCommand.DEFAULT_TASK + ".")));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean debug = parseResult.matchedOption("--debug") != null
          || parseResult.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
      PrintWriter err = commandLine.getErr();
      if (debug) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(TerminalText.escapeLines(trace.toString()));
      }
      boolean user = isUserError(ex);
      err.println("attento: " + TerminalText.escape(user ? ex.getMessage() : describe(ex)));
      err.flush();
      return user ? UserError.EXIT_CODE : 3;
    });
    cl.setParameterExceptionHandler(Main::usageError);
    return cl;
  }

  /** Picocli's own handling of a usage mistake (message, then suggestions or usage), the message escaped. */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    PrintWriter err = c.getErr();
    err.println(c.getColorScheme().errorText(TerminalText.escape(ex.getMessage())));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      c.usage(err, c.getColorScheme());
    }
    err.flush();
    return c.getExitCodeExceptionMapper() != null ? c.getExitCodeExceptionMapper().getExitCode(ex)
        : c.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * Errors whose message is meant for the user: bad arguments, configs, corpora, checkpoints,
   * files, a diverging run. Anything else is a bug and says so.
   */
  private static boolean isUserError(Throwable ex) {
    return ex instanceof UserError || ex instanceof IllegalArgumentException
        || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
        || ex instanceof dev.attento.core.io.SafeTensorsException
        || ex instanceof dev.attento.seq2seq.train.NonFiniteLossException;
  }

  private static String describe(Throwable ex) {
    String msg = ex.getMessage();
    return "internal error: " + ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg)
        + " (run with --debug for details)";
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    try {
      System.exit(commandLine().execute(args));
    } catch (OutOfMemoryError e) {
      System.err.println("attento: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB heap); run with a larger heap, e.g. ATTENTO_HEAP=2g ./attento ...");
      System.exit(UserError.EXIT_CODE);
    }
  }
}

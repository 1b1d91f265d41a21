package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import dev.attento.attention.AttentionMechanisms;
import dev.attento.cells.CellRegistry;
import dev.attento.seq2seq.config.ExperimentConfig;
import picocli.CommandLine;

/**
 * Every {@code ./attento …} command line (also one fed by a pipe, {@code $ echo … | ./attento …})
 * in a fenced or indented code block of README.md and docs/*.md parses against the real command
 * line (options, subcommands, arity, typed values), and a training command's configuration is
 * bound and its cell looked up, without running it: a renamed option, command or config key, or
 * a bad value fails the build naming the file and line instead of leaving the docs wrong.
 */
class DocumentedCommandsTest {

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : DocumentedCommands.docs()) {
      for (DocumentedCommands.Command c : DocumentedCommands.commands(doc)) {
        tests.add(DynamicTest.dynamicTest(doc.getFileName() + ":" + c.line() + " " + String.join(" ", c.args()), () -> {
          check(doc, c);
        }));
      }
    }
    assertTrue(tests.size() > 20, "the docs' commands are found: " + tests.size());
    return tests.stream();
  }

  /**
   * Parses {@code c}; a training command's configuration (flags, {@code --set} keys and values,
   * a {@code --config} file of the repository) is also bound, with its ranges and names checked,
   * and its cell looked up among the built-ins (without {@code --plugins}): cheap, and what a
   * renamed key or a bad value would break.
   */
  private static void check(Path doc, DocumentedCommands.Command c) {
    String where = doc.getFileName() + " line " + c.line() + ": ";
    List<String> args = new ArrayList<>(c.args());
    int config = args.indexOf("--config");
    boolean configHere = config < 0 || config + 1 >= args.size();
    if (!configHere && Files.isRegularFile(DocumentedCommands.ROOT.resolve(args.get(config + 1)))) {
      args.set(config + 1, DocumentedCommands.ROOT.resolve(args.get(config + 1)).toString());
      configHere = true;
    }
    CommandLine.ParseResult parsed;
    try {
      parsed = Main.commandLine().parseArgs(args.toArray(new String[0]));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(where + e.getMessage(), e);
    }
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    Object command = parsed.commandSpec().userObject();
    ExperimentOptions experiment = command instanceof TrainCommand t && t.resume == null ? t.experiment
        : command instanceof CompareCommand cmp ? cmp.experiment : null;
    if (experiment == null || !configHere) {
      return; // a --config file the docs make elsewhere (a user's own) cannot be bound here
    }
    try {
      ExperimentConfig bound = experiment.build().bind();
      if (!args.contains("--plugins")) {
        CellRegistry.completeOptions(CellRegistry.load(null).provider(bound.model().cell()),
            bound.model().cellOptions());
        List<String> attentions = command instanceof CompareCommand cmp ? cmp.variants : List.of(bound.model().attention());
        attentions.stream().filter(a -> !a.equals("none")).forEach(AttentionMechanisms::byName);
      }
    } catch (RuntimeException e) {
      if (!showsError(doc, c)) {
        throw new AssertionError(where + e.getMessage(), e);
      }
    }
  }

  /** Whether the doc shows an {@code attento:} error under the command, as it does to show one on purpose. */
  private static boolean showsError(Path doc, DocumentedCommands.Command c) {
    try {
      return DocumentedCommands.steps(doc).stream().filter(s -> s.line() == c.line())
          .anyMatch(s -> s.output().stream().anyMatch(l -> l.startsWith("attento: ")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRenamedKeyOrABadValueFailsNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path doc = Files.writeString(dir.resolve("doc.md"), String.join("\n", "```",
        "$ ./attento train --set training.stpes=3", "$ ./attento compare --dropout 2",
        "$ ./attento train --cell lsmt", "$ ./attento train --attention luong-generl",
        "$ ./attento translate -m runs/x --beam many", "$ ./attento train --config examples/real-data/nope.json",
        "$ ./attento train --task dates --set training.keepCheckpoints=3 --config examples/real-data/libreoffice-en-it.json",
        "$ ./attento train --set model.hidden=0", "attento: (an error shown on purpose)", "```", ""));
    List<DocumentedCommands.Command> commands = DocumentedCommands.commands(doc);
    for (int i = 0; i < 5; i++) {
      DocumentedCommands.Command c = commands.get(i);
      AssertionError e = assertThrows(AssertionError.class, () -> check(doc, c), c.args().toString());
      assertTrue(e.getMessage().startsWith("doc.md line " + (i + 2) + ": "), e.getMessage());
    }
    check(doc, commands.get(5)); // a config the docs do not have here is not bound
    check(doc, commands.get(6)); // the repository's own config is
    check(doc, commands.get(7)); // the doc shows the error
  }

  @Test
  void aCommandWithAnUnknownOptionIsCaughtAndPipelinesAreSplit(@TempDir Path dir) throws IOException {
    Path doc = Files.writeString(dir.resolve("doc.md"), String.join("\n", "./attento train --no-such-option",
        "```", "$ ./attento data bpe apply -m lo.bpe in.txt | ./attento data bpe decode \\", "  > out.txt  # a comment",
        "$ ./attento translate -m run \"it's\" 'a \"b\"'", "```", ""));
    List<DocumentedCommands.Command> found = DocumentedCommands.commands(doc);
    assertEquals(List.of(new DocumentedCommands.Command(3, List.of("data", "bpe", "apply", "-m", "lo.bpe", "in.txt")),
        new DocumentedCommands.Command(3, List.of("data", "bpe", "decode")),
        new DocumentedCommands.Command(5, List.of("translate", "-m", "run", "it's", "a \"b\""))), found,
        "outside a fence: not a command");
    assertThrows(CommandLine.ParameterException.class,
        () -> Main.commandLine().parseArgs("train", "--no-such-option"));
  }
}

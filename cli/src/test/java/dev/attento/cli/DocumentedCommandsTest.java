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
import picocli.CommandLine;

/**
 * Every {@code ./attento …} command line (also one fed by a pipe, {@code $ echo … | ./attento …}) in a fenced block of README.md and docs/*.md parses
 * against the real command line (options, subcommands, arity), without running it: a renamed
 * option or command fails the build instead of leaving the docs wrong.
 */
class DocumentedCommandsTest {

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : DocumentedCommands.docs()) {
      for (DocumentedCommands.Command c : DocumentedCommands.commands(doc)) {
        tests.add(DynamicTest.dynamicTest(doc.getFileName() + ":" + c.line() + " " + String.join(" ", c.args()), () -> {
          try {
            Main.commandLine().parseArgs(c.args().toArray(new String[0]));
          } catch (CommandLine.ParameterException e) {
            throw new AssertionError(doc.getFileName() + " line " + c.line() + ": " + e.getMessage(), e);
          }
        }));
      }
    }
    assertTrue(tests.size() > 20, "the docs' commands are found: " + tests.size());
    return tests.stream();
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

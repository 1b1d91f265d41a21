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

  private static final Path ROOT = Path.of("..");

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      for (Command c : commands(doc)) {
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
    List<Command> found = commands(doc);
    assertEquals(List.of(new Command(3, List.of("data", "bpe", "apply", "-m", "lo.bpe", "in.txt")),
        new Command(3, List.of("data", "bpe", "decode")),
        new Command(5, List.of("translate", "-m", "run", "it's", "a \"b\""))), found, "outside a fence: not a command");
    assertThrows(CommandLine.ParameterException.class,
        () -> Main.commandLine().parseArgs("train", "--no-such-option"));
  }

  /** A documented command: its line in the file and its arguments after {@code ./attento}. */
  record Command(int line, List<String> args) {}

  /** The {@code ./attento} commands in the fenced blocks of {@code doc} (continued lines joined, pipelines split). */
  static List<Command> commands(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Command> found = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      int first = i;
      StringBuilder text = new StringBuilder(line);
      while (fenced && text.toString().endsWith("\\") && i + 1 < lines.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(lines.get(++i).strip());
      }
      String command = text.toString().replaceFirst("^\\$ ", "");
      if (fenced && (command.startsWith("./attento") || line.startsWith("$ ") && command.contains("./attento"))) {
        for (List<String> segment : ShellWords.split(command)) {
          if (!segment.isEmpty() && segment.get(0).equals("./attento") && !isLauncherOnly(segment)) {
            found.add(new Command(first + 1, segment.subList(1, segment.size())));
          }
        }
      }
    }
    return found;
  }

  /** {@code ./attento install} is the launcher's own (a shell script), not the Java command line. */
  private static boolean isLauncherOnly(List<String> segment) {
    return segment.size() > 1 && segment.get(1).equals("install");
  }
}

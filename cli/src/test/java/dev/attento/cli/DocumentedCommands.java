package dev.attento.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shell sessions in the fenced blocks of README.md and docs/*.md (and the commands of
 * indented code blocks): each command line
 * ({@code $ …}, or a bare {@code ./attento …}; continued lines joined) with the output shown
 * under it, and the {@code ./attento} commands in them.
 */
final class DocumentedCommands {

  /** The repository's top, seen from the cli module where its tests run. */
  static final Path ROOT = Path.of("..");

  /**
   * A command line of a doc and the output shown under it.
   *
   * @param line 1-based line in the doc
   * @param text the command line, continuations joined, without the {@code $ } prompt
   * @param output the lines shown under it, up to the next command or the end of the block
   */
  record Step(int line, String text, List<String> output) {}

  /** A documented {@code ./attento} command: its line in the file and its arguments after {@code ./attento}. */
  record Command(int line, List<String> args) {}

  private DocumentedCommands() {}

  /** README.md and docs/*.md, in that order. */
  static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The command lines in the code blocks of {@code doc}, in order, with their shown output. */
  static List<Step> steps(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Step> steps = new ArrayList<>();
    List<String> output = null;
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        fenced = !fenced;
        output = null;
        continue;
      }
      if (!fenced) {
        // An indented code block (README's "    ./attento train"): a command without shown output.
        boolean indented = lines.get(i).startsWith("    ") && line.startsWith("./attento ")
            && (i == 0 || lines.get(i - 1).isBlank() || lines.get(i - 1).startsWith("    "));
        output = null;
        if (!indented) {
          continue;
        }
      }
      if (!line.startsWith("$ ") && !line.startsWith("./attento")) {
        if (output != null) {
          output.add(lines.get(i));
        }
        continue;
      }
      int first = i;
      StringBuilder text = new StringBuilder(line);
      while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(lines.get(++i).strip());
      }
      // Only a prompted command has output under it; after a bare ./attento line come more commands.
      List<String> shown = new ArrayList<>();
      output = fenced && line.startsWith("$ ") ? shown : null;
      steps.add(new Step(first + 1, text.toString().replaceFirst("^\\$ ", ""), shown));
    }
    return steps;
  }

  /** The {@code ./attento} commands in the fenced blocks of {@code doc} (each command of a pipeline). */
  static List<Command> commands(Path doc) throws IOException {
    List<Command> found = new ArrayList<>();
    for (Step step : steps(doc)) {
      if (!step.text().contains("./attento")) {
        continue;
      }
      for (List<String> segment : ShellWords.split(step.text())) {
        if (!segment.isEmpty() && segment.get(0).equals("./attento") && !isLauncherOnly(segment)) {
          found.add(new Command(step.line(), segment.subList(1, segment.size())));
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

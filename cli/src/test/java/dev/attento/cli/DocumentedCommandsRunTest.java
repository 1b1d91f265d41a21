package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick documented commands are run, not only parsed: every {@code --help}, {@code config},
 * {@code data tasks|generate|stats|import|bpe}, {@code cells list|check} and
 * {@code completion} command, and {@code eval --hyp/--ref} (plain files, no model), in a fenced block of README.md and docs/*.md runs against the
 * in-process command line, in a fresh directory per document, in the order the document gives
 * them. A command must exit 0, or 1 when the doc shows an {@code attento:} error under it, and
 * print every line the doc shows under it (file names made relative to that directory; a line
 * {@code …} stands for output left out).
 *
 * <p>The two shell commands the docs use to make input files are run too:
 * {@code printf 'TEXT' > FILE} (with {@code \n}, {@code \t}, {@code \\} and {@code \xHH}) and
 * {@code echo "TEXT" >> FILE}. An input file the directory lacks is copied from the corpus
 * fixtures the docs use ({@code seq2seq/src/test/resources/formats}). A command whose input files
 * are still missing (a corpus downloaded elsewhere), or that is fed by or feeds a pipe, is
 * left out; {@link #ranEnough} keeps a count so that the docs cannot quietly stop being run.
 * Training, translating, serving and benchmarks are left out as too slow for every build.
 */
@Tag("docs")
class DocumentedCommandsRunTest {

  /** Commands cheap enough to run in every build, by their first words. */
  private static final List<List<String>> QUICK = List.of(List.of("config"), List.of("data", "tasks"),
      List.of("data", "generate"), List.of("data", "stats"), List.of("data", "import"), List.of("data", "bpe"),
      List.of("cells", "list"), List.of("cells", "check"), List.of("completion"), List.of("eval", "--hyp"));

  /** Options whose value is a directory the command reads. */
  private static final Set<String> DIRECTORY_OPTIONS = Set.of("--plugins");

  /** Options whose value is a file the command writes. */
  private static final Set<String> OUTPUT_OPTIONS = Set.of("-o", "--out", "--output", "--dev-out", "--test-out");

  private static final Pattern PRINTF = Pattern.compile("printf '([^']*)' > (\\S+)");
  private static final Pattern ECHO = Pattern.compile("echo \"([^\"]*)\" >> (\\S+)");
  private static final Pattern FILE_NAME = Pattern.compile("[\\w./-]*[A-Za-z_][\\w-]*\\.[A-Za-z][\\w]*");

  @TempDir
  Path tmp;

  private int ran;

  @TestFactory
  Stream<DynamicTest> quickDocumentedCommandsRunAndPrintWhatTheDocsShow() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : DocumentedCommands.docs()) {
      Path dir = tmp.resolve(doc.getFileName().toString());
      for (DocumentedCommands.Step step : DocumentedCommands.steps(doc)) {
        String name = doc.getFileName() + ":" + step.line() + " " + step.text();
        Matcher printf = PRINTF.matcher(step.text());
        Matcher echo = ECHO.matcher(step.text());
        if (printf.matches() || echo.matches()) {
          tests.add(DynamicTest.dynamicTest(name, () -> makeInput(dir, printf.matches() ? printf : echo, echo.matches())));
          continue;
        }
        List<List<String>> segments = ShellWords.split(step.text());
        if (segments.size() != 1 || !step.text().startsWith("./attento ") || step.text().matches(".*[|<>].*")) {
          continue;
        }
        List<String> args = segments.get(0).subList(1, segments.get(0).size());
        if (isQuick(args)) {
          tests.add(DynamicTest.dynamicTest(name, () -> run(dir, args, step.output())));
        }
      }
    }
    tests.add(DynamicTest.dynamicTest("enough documented commands ran", this::ranEnough));
    return tests.stream();
  }

  private static boolean isQuick(List<String> args) {
    return args.contains("--help") || QUICK.stream().anyMatch(q -> args.size() >= q.size()
        && args.subList(0, q.size()).equals(q));
  }

  /** The corpus fixtures the docs' examples read. */
  private static final Path FIXTURES = DocumentedCommands.ROOT.resolve("seq2seq/src/test/resources/formats");

  private static void makeInput(Path dir, Matcher m, boolean append) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(m.group(2));
    if (append) {
      Files.writeString(file, m.group(1) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } else {
      Files.write(file, printf(m.group(1)));
    }
  }

  /** The bytes {@code printf 'format'} writes for a format without conversions. */
  private static byte[] printf(String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '\\' || i + 1 == format.length()) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = format.charAt(++i);
      switch (e) {
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case 'x' -> {
          out.write(Integer.parseInt(format.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> out.write(e);
      }
    }
    return out.toByteArray();
  }

  private void run(Path dir, List<String> args, List<String> shown) throws IOException {
    Files.createDirectories(dir);
    List<String> resolved = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean output = i > 0 && OUTPUT_OPTIONS.contains(args.get(i - 1));
      boolean directory = i > 0 && DIRECTORY_OPTIONS.contains(args.get(i - 1));
      if (arg.contains("*")) {
        return; // a glob over files of a corpus that is not in the repository
      }
      if (!arg.startsWith("-") && (directory || FILE_NAME.matcher(arg).matches()) && !Path.of(arg).isAbsolute()) {
        Path file = dir.resolve(arg);
        if (!output && !Files.exists(file) && Files.isRegularFile(FIXTURES.resolve(arg))) {
          Files.copy(FIXTURES.resolve(arg), file);
        }
        if (!output && !Files.exists(file)) {
          return; // an input this directory does not have (a corpus that is not in the repository)
        }
        arg = file.toString();
      }
      resolved.add(arg);
    }
    ran++;
    Cli.Result r = Cli.run(resolved.toArray(String[]::new));
    String printed = (r.out() + r.err()).replace(dir + "/", "");
    boolean error = shown.stream().anyMatch(l -> l.startsWith("attento: "));
    assertEquals(error ? UserError.EXIT_CODE : 0, r.code(), printed);
    for (String line : shown) {
      if (!line.isBlank() && !line.strip().equals("…")) {
        assertTrue(printed.lines().anyMatch(l -> l.stripTrailing().equals(line.stripTrailing())),
            "the docs show «" + line + "»; the command printed:\n" + printed);
      }
    }
  }

  private void ranEnough() {
    assertTrue(ran >= 12, "only " + ran + " documented commands ran (12 at the time of writing)");
  }
}

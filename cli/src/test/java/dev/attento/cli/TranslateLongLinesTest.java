package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** translate skips a line longer than --max-line-chars, says so in one line, and goes on. */
class TranslateLongLinesTest {

  @TempDir
  static Path dir;

  static Path run;

  @BeforeAll
  static void train() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "tiny"));
    assertEquals(0, r.code(), r.out() + r.err());
    run = dir.resolve("tiny");
  }

  private static final String INPUT = "March 3, 2021\n" + "May ".repeat(50) + "\nApril 4, 1999\n";

  @Test
  void aLongLineOnStandardInputIsSkippedWithAnEmptyOutputLine() {
    Cli.Result r = Cli.runWithInput(INPUT, "translate", "-m", run.toString(), "--max-line-chars", "100");
    assertAligned(r, "standard input line 2 has 200 characters");
  }

  @Test
  void aLongLineInAFileIsSkippedWithAnEmptyOutputLine() throws Exception {
    Path file = Files.writeString(dir.resolve("in.txt"), INPUT);
    Cli.Result r = Cli.run("translate", "-m", run.toString(), "--max-line-chars", "100", "-i", file.toString());
    assertAligned(r, file + " line 2 has 200 characters");
  }

  private static void assertAligned(Cli.Result r, String report) {
    assertEquals(0, r.code(), r.err());
    List<String> out = r.out().lines().toList();
    assertEquals(3, out.size(), r.out());
    assertTrue(out.get(1).isEmpty(), r.out());
    List<String> alone = Cli.runWithInput("March 3, 2021\nApril 4, 1999\n", "translate", "-m", run.toString()).out()
        .lines().toList();
    assertEquals(alone, List.of(out.get(0), out.get(2)), "the lines around the long one are translated");
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("attento: " + report), r.err());
  }
}

package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -m runs/NAME} loads the latest run of that name: {@code train} run twice writes
 * {@code runs/NAME-2}, and the docs' {@code -m runs/NAME} then means that one, said on standard
 * error. The same for translate, eval (and {@code --compare-to}), compare {@code --load},
 * average and serve.
 */
class LatestRunTest {

  @TempDir
  static Path dir;

  static Path first;
  static Path second;

  /** Trains "x" twice ({@code x}, {@code x-2}), then damages {@code x}: a command that loads it fails. */
  @BeforeAll
  static void trainTwiceAndDamageTheFirst() throws Exception {
    for (int i = 0; i < 2; i++) {
      Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "x"));
      assertEquals(0, r.code(), r.out() + r.err());
    }
    first = dir.resolve("x");
    second = dir.resolve("x-2");
    assertTrue(Files.isDirectory(second.resolve("checkpoints")));
    Path latest = first.resolve("checkpoints").resolve(Files.readString(first.resolve("checkpoints/LATEST")).strip());
    Files.writeString(latest.resolve("model.json"), "{}");
  }

  private static String using(Path given, Path chosen) {
    return "attento: " + given + ": using " + chosen + ", the latest run named " + given.getFileName();
  }

  @Test
  void translateTakesTheLatestRunOfANameAndSaysWhichOnStandardError() {
    Cli.Result r = Cli.run("translate", "-m", first.toString(), "March 3, 2021");
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.err().startsWith(using(first, second)), r.err());
    Cli.Result exact = Cli.run("translate", "-m", second.toString(), "March 3, 2021");
    assertEquals(r.out(), exact.out());
    assertEquals("", exact.err(), "a run with no later namesake is taken silently");
    Cli.Result alone = Cli.run("translate", "-m", first + "/.", "March 3, 2021");
    assertEquals(UserError.EXIT_CODE, alone.code(), "runs/x/. is x itself, which is damaged: " + alone.err());
  }

  @Test
  void evalCompareAverageAndServeTakeTheLatestRunToo() {
    Cli.Result eval = Cli.run("eval", "-m", first.toString(), "--compare-to", first.toString(), "--samples", "10");
    assertEquals(0, eval.code(), eval.err());
    assertEquals(2, eval.err().lines().filter(l -> l.startsWith(using(first, second))).count(), eval.err());
    Cli.Result compare = Cli.run("compare", "--load", first + "," + second, "--runs", dir.toString(), "--name", "c",
        "--heatmaps", "0");
    assertEquals(0, compare.code(), compare.err());
    assertTrue(compare.err().startsWith(using(first, second)), compare.err());
    Cli.Result average = Cli.run("average", "-o", dir.resolve("avg").toString(), "--last", "2", first.toString());
    assertEquals(0, average.code(), average.err());
    assertTrue(average.err().startsWith(using(first, second)), average.err());
  }

  @Test
  void serveTakesTheLatestRunBeforeLoadingIt(@TempDir Path runs) throws Exception {
    // Two runs whose LATEST points at nothing: serve names the later one, then cannot load it (and serves nothing).
    for (String name : List.of("s", "s-2")) {
      Files.createDirectories(runs.resolve(name).resolve("checkpoints"));
      Files.writeString(runs.resolve(name).resolve("checkpoints/LATEST"), "step-0000001\n");
    }
    Cli.Result serve = Cli.run("serve", "-m", runs.resolve("s").toString(), "--port", "0");
    assertEquals(UserError.EXIT_CODE, serve.code(), serve.err());
    List<String> lines = serve.err().lines().toList();
    assertTrue(lines.get(0).startsWith(using(runs.resolve("s"), runs.resolve("s-2"))), serve.err());
    assertTrue(lines.get(1).startsWith("attento: ") && lines.get(1).contains("s-2"), serve.err());
  }

  @Test
  void onlyHigherNumberedSiblingsWithCheckpointsCount(@TempDir Path runs) throws Exception {
    for (String name : List.of("a", "a-2", "a-10", "a-3", "ab-11", "a-x-12", "a-011")) {
      Files.createDirectories(runs.resolve(name).resolve("checkpoints"));
      Files.writeString(runs.resolve(name).resolve("checkpoints/LATEST"), "step-0000001\n");
    }
    Files.createDirectories(runs.resolve("a-20")); // no checkpoints: a foreign directory
    Files.createDirectories(runs.resolve("a-21/checkpoints")); // a run before its first checkpoint
    StringWriter err = new StringWriter();
    assertEquals(runs.resolve("a-10"), RunDirectory.latest(runs.resolve("a"), new PrintWriter(err, true)));
    assertTrue(err.toString().startsWith(using(runs.resolve("a"), runs.resolve("a-10"))), err.toString());
    assertEquals(runs.resolve("a-10"), RunDirectory.latest(runs.resolve("a-10"), new PrintWriter(new StringWriter())));
    assertEquals(runs.resolve("ab-11"), RunDirectory.latest(runs.resolve("ab"), new PrintWriter(new StringWriter())),
        "the run named need not exist itself");
    assertEquals(runs.resolve("a/."), RunDirectory.latest(runs.resolve("a/."), new PrintWriter(new StringWriter())));
    assertEquals(runs.resolve("b"), RunDirectory.latest(runs.resolve("b"), new PrintWriter(new StringWriter())));
  }
}

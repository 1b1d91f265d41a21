package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that fails on its arguments writes nothing: everything is checked before a run
 * directory is made. And {@code compare --load} refuses runs trained on different data.
 */
class NothingOnFailureTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"--cell nosuch", "--attention nosuch", "--schedule nosuch", "--schedule step:0:0",
      "--dropout 2", "--hidden 0", "--hidden -3", "--train missing.tsv --dev missing.tsv", "--train GOOD",
      "--train GOOD --dev missing.tsv", "--set model.layers=0",
      "--train /dev/zero --dev GOOD", "--hidden 2147483647", "--set model.layers=100000",
      "--set model.embedding=2147483647", "--set training.steps=0"})
  void aFailedTrainCreatesNoRunDirectory(String options) throws Exception {
    Path good = Files.writeString(dir.resolve("good.tsv"), "a b\tc d\n");
    String[] args = CliTest.with(tinyWithout("--hidden"), Stream.concat(Stream.of("train", "--runs", dir.resolve("runs").toString(),
        "--name", "r"), Stream.of(options.replace("GOOD", good.toString()).split(" "))).toArray(String[]::new));
    Cli.Result r = Cli.run(args);
    assertNotEquals(0, r.code(), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(!Files.exists(dir.resolve("runs")) || isEmpty(dir.resolve("runs")), options + ": " + r.err());
  }

  @Test
  void aBinaryCorpusIsRefusedAtOnceNamingFileAndLine() throws Exception {
    // --train /dev/zero used to be read as one endless over-long line until a signal came.
    Path good = Files.writeString(dir.resolve("good.tsv"), "a b\tc d\n");
    Path zip = Files.write(dir.resolve("corpus.tsv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, '\n'});
    for (String train : new String[] {"/dev/zero", zip.toString()}) {
      Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.resolve("runs").toString(), "--name", "r",
          "--train", train, "--dev", good.toString()));
      assertEquals(UserError.EXIT_CODE, r.code(), r.out() + r.err());
      assertEquals("attento: " + train + ":1: a NUL byte: binary data or UTF-16, not a UTF-8 text file\n", r.err());
      assertTrue(!Files.exists(dir.resolve("runs")) || isEmpty(dir.resolve("runs")), r.err());
    }
  }

  @Test
  void anEmptyCorpusIsNamedAsEmptyNotBlamedOnFiltering() throws Exception {
    Path good = Files.writeString(dir.resolve("good.tsv"), "a b\tc d\n");
    Path empty = Files.writeString(dir.resolve("empty.tsv"), "\n");
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.resolve("runs").toString(), "--name", "r",
        "--train", empty.toString(), "--dev", good.toString()));
    assertEquals("attento: " + empty + ": no training pairs in the file (0 pairs; 1 blank line(s))\n", r.err());
    r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.resolve("runs").toString(), "--name", "r",
        "--train", good.toString(), "--dev", empty.toString()));
    assertEquals("attento: " + empty + ": no dev pairs in the file (0 pairs; 1 blank line(s))\n", r.err());
    assertTrue(!Files.exists(dir.resolve("runs")) || isEmpty(dir.resolve("runs")), r.err());
  }

  @Test
  void aFailedCompareCreatesNoDirectory() throws Exception {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "compare", "--variants", "none,nosuch", "--runs",
        dir.resolve("runs").toString(), "--name", "c"));
    assertEquals(UserError.EXIT_CODE, r.code(), r.out() + r.err());
    assertTrue(!Files.exists(dir.resolve("runs")) || isEmpty(dir.resolve("runs")), r.out() + r.err());
  }

  @Test
  void compareRefusesRunsTrainedOnDifferentData() throws Exception {
    String runs = dir.resolve("runs").toString();
    Cli.Result a = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", runs, "--name", "a"));
    assertEquals(0, a.code(), a.err());
    // first as an announcement (standard error), last as the result (standard output)
    assertEquals("run: " + dir.resolve("runs/a"), a.err().lines().findFirst().orElse(""), "the run directory comes first");
    java.util.List<String> lines = a.out().lines().toList();
    assertEquals("run: " + dir.resolve("runs/a"), lines.get(lines.size() - 1), "and last");
    assertEquals(0, Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", runs, "--name", "b", "--set",
        "data.maxLength=30")).code());
    Cli.Result r = Cli.run("compare", "--load", dir.resolve("runs/a") + "," + dir.resolve("runs/b"), "--runs", runs,
        "--name", "cmp");
    assertEquals(UserError.EXIT_CODE, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("runs/b was trained on different data than") && r.err().contains("data.maxLength"),
        r.err());
    assertTrue(!Files.exists(dir.resolve("runs/cmp")), "nothing written");
  }

  /** {@link CliTest#TINY} without {@code option} and its value, so a test can give its own. */
  private static String[] tinyWithout(String option) {
    java.util.List<String> tiny = new java.util.ArrayList<>(java.util.List.of(CliTest.TINY));
    int at = tiny.indexOf(option);
    tiny.subList(at, at + 2).clear();
    return tiny.toArray(String[]::new);
  }

  private static boolean isEmpty(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isEmpty();
    }
  }
}

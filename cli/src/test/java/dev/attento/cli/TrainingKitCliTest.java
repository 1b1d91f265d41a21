package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training kit from the command line: --best, checkpoint averaging, n-best and decoding options. */
class TrainingKitCliTest {

  @TempDir
  static Path dir;

  static Path run;

  @BeforeAll
  static void trainTinyModel() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "kit"));
    assertEquals(0, r.code(), r.out() + r.err());
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertTrue(r.out().contains("\npeak memory (RSS): "), "training ends with its peak memory: " + r.out());
    }
    run = dir.resolve("kit");
  }

  /** A fresh copy of the tiny run, to damage. */
  private static Path copyOfRun(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var paths = Files.walk(run)) {
      for (Path p : paths.toList()) {
        Path to = copy.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return copy;
  }

  private static Path checkpoint(Path runDir, String pointer) throws Exception {
    return runDir.resolve("checkpoints").resolve(Files.readString(runDir.resolve("checkpoints").resolve(pointer)).strip());
  }

  @Test
  void bestLoadsTheCheckpointBestPointsTo() throws Exception {
    Path copy = copyOfRun("best");
    // BEST at step 4, LATEST (step 8) damaged: only --best can load a model.
    Files.writeString(copy.resolve("checkpoints/BEST"), "step-0000004\n");
    Files.writeString(checkpoint(copy, "LATEST").resolve("model.json"), "{}");
    Cli.Result latest = Cli.run("translate", "-m", copy.toString(), "March 3, 2021");
    assertEquals(1, latest.code());
    Cli.Result best = Cli.run("translate", "-m", copy.toString(), "--best", "March 3, 2021");
    assertEquals(0, best.code(), best.err());
    assertEquals(1, best.out().lines().count(), best.out());
    assertEquals(1, Cli.run("eval", "-m", copy.toString()).code());
    Cli.Result eval = Cli.run("eval", "-m", copy.toString(), "--best");
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("all"), eval.out());
  }

  @Test
  void bestWithoutABestCheckpointIsOneLine() throws Exception {
    Path copy = copyOfRun("nobest");
    Files.delete(copy.resolve("checkpoints/BEST"));
    Cli.Result r = Cli.run("translate", "-m", copy.toString(), "--best", "March 3, 2021");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("has no best checkpoint") && r.err().strip().lines().count() == 1, r.err());
    Cli.Result c = Cli.run("translate", "-m", checkpoint(run, "LATEST").toString(), "--best", "March 3, 2021");
    assertEquals(1, c.code());
    assertTrue(c.err().contains("--best needs a run directory") && c.err().strip().lines().count() == 1, c.err());
  }

  @Test
  void averageWritesAModelThatTranslateAndEvalLoad() throws Exception {
    Path out = dir.resolve("averaged");
    Cli.Result r = Cli.run("average", "-o", out.toString(), "--last", "2", run.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("averaged 2 checkpoints (step-0000004, step-0000008) into " + out, r.err().strip());
    Cli.Result t = Cli.run("translate", "-m", out.toString(), "March 3, 2021");
    assertEquals(0, t.code(), t.err());
    assertEquals(0, Cli.run("eval", "-m", out.toString()).code(), "the run's config came along: eval finds its dev set");
    Cli.Result listed = Cli.run("average", "-o", dir.resolve("two").toString(), checkpoint(run, "LATEST").toString(),
        run.toString());
    assertEquals(0, listed.code(), listed.err());
    Cli.Result few = Cli.run("average", "-o", dir.resolve("x").toString(), "--last", "5", run.toString());
    assertEquals(1, few.code());
    assertTrue(few.err().contains("fewer than 5") && few.err().strip().lines().count() == 1, few.err());
    Cli.Result self = Cli.run("average", "-o", checkpoint(run, "LATEST").toString(), run.toString());
    assertEquals(1, self.code());
    assertTrue(self.err().strip().lines().count() == 1, self.err());
    Path file = Files.writeString(dir.resolve("file.txt"), "mine");
    Cli.Result onFile = Cli.run("average", "-o", file.toString(), run.toString());
    assertEquals(1, onFile.code());
    assertTrue(onFile.err().contains("never replaced") && onFile.err().strip().lines().count() == 1, onFile.err());
    assertEquals("mine", Files.readString(file));
  }

  @Test
  void nBestPrintsRankedHypothesesWithScores() {
    Cli.Result r = Cli.run("translate", "-m", run.toString(), "--n-best", "3", "March 3, 2021", "June 9, 1990");
    assertEquals(0, r.code(), r.err());
    java.util.List<String> lines = r.out().lines().toList();
    assertTrue(lines.size() >= 2 && lines.size() <= 6, r.out());
    double previous = Double.POSITIVE_INFINITY;
    String sentence = "0";
    for (String line : lines) {
      String[] f = line.split(" \\|\\|\\| ", -1);
      assertEquals(3, f.length, line);
      if (!f[0].equals(sentence)) {
        assertEquals("1", f[0], r.out());
        sentence = f[0];
        previous = Double.POSITIVE_INFINITY;
      }
      double score = Double.parseDouble(f[2]);
      assertTrue(score <= previous && score <= 0, "best first: " + r.out());
      previous = score;
    }
    Cli.Result one = Cli.run("translate", "-m", run.toString(), "--beam", "3", "March 3, 2021");
    assertTrue(lines.get(0).startsWith("0 ||| " + one.out().strip() + " ||| "), "the first is the 1-best: " + r.out());
    Cli.Result narrow = Cli.run("translate", "-m", run.toString(), "--beam", "2", "--n-best", "3", "March 3, 2021");
    assertEquals(1, narrow.code());
    assertEquals("attento: --n-best 3 needs --beam 3 or more, got --beam 2", narrow.err().strip());
  }

  @Test
  void batchSizeAndNgramBlockingAreDecodingOptions() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "March 3, 2021\nJune 9, 1990\nJuly 4, 1776\n");
    Cli.Result batched = Cli.run("translate", "-m", run.toString(), "-i", input.toString());
    Cli.Result single = Cli.run("translate", "-m", run.toString(), "-i", input.toString(), "--batch-size", "1");
    assertEquals(0, single.code(), single.err());
    assertEquals(batched.out(), single.out(), "sentences decode alike in any batch");
    Cli.Result blocked = Cli.run("translate", "-m", run.toString(), "-i", input.toString(), "--no-repeat-ngram", "1");
    assertEquals(0, blocked.code(), blocked.err());
    assertEquals(3, blocked.out().lines().count(), blocked.out());
    Cli.Result bad = Cli.run("translate", "-m", run.toString(), "--no-repeat-ngram", "-1", "x");
    assertEquals(1, bad.code());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
  }

  @Test
  void coveragePenaltyRanksTheBeamsOfAnAttentionModel() {
    Cli.Result r = Cli.run("translate", "-m", run.toString(), "--beam", "3", "--n-best", "3", "--coverage-penalty", "0.4",
        "March 3, 2021");
    assertEquals(0, r.code(), r.err());
    java.util.List<Double> scores = r.out().lines().map(l -> Double.parseDouble(l.split(" \\|\\|\\| ")[2])).toList();
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i) <= scores.get(i - 1), "best first by the penalised score: " + r.out());
    }
    Cli.Result off = Cli.run("translate", "-m", run.toString(), "--beam", "3", "--coverage-penalty", "0", "March 3, 2021");
    Cli.Result plain = Cli.run("translate", "-m", run.toString(), "--beam", "3", "March 3, 2021");
    assertEquals(plain.out(), off.out(), "β = 0 is off");
    String[][] refused = {
        {"--coverage-penalty ranks the translations beam search finds; give --beam 2 or more", "--coverage-penalty", "0.2"},
        {"--coverage-penalty must be 0 (off) or more, got -0.2", "--beam", "2", "--coverage-penalty", "-0.2"},
    };
    for (String[] c : refused) {
      String[] args = new String[c.length - 1 + 4];
      args[0] = "translate";
      args[1] = "-m";
      args[2] = run.toString();
      System.arraycopy(c, 1, args, 3, c.length - 1);
      args[args.length - 1] = "x";
      Cli.Result e = Cli.run(args);
      assertEquals(1, e.code(), e.err());
      assertEquals("attento: " + c[0], e.err().strip());
    }
  }
}

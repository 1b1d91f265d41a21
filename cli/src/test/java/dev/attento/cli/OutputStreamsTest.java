package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results on standard output, everything else on standard error, in every command family: a
 * user who writes {@code attento eval … > scores.txt} or {@code attento train > result.txt}
 * gets the scores or the run's result in the file, and progress, announcements ({@code run:},
 * {@code data:}, {@code model:}), notes about files written ({@code wrote …}, {@code chart: …})
 * and hints on the terminal.
 */
class OutputStreamsTest {

  @TempDir
  static Path dir;

  static Cli.Result trained;

  @BeforeAll
  static void trainTinyModel() {
    trained = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "s"));
    assertEquals(0, trained.code(), trained.out() + trained.err());
  }

  @Test
  void trainPrintsItsProgressOnStandardErrorAndItsResultOnStandardOutput() {
    String run = dir.resolve("s").toString();
    List<String> err = trained.err().lines().toList();
    assertEquals(List.of("run: " + run), err.subList(0, 1), trained.err());
    assertTrue(err.get(1).startsWith("data: ") && err.get(2).startsWith("model: "), trained.err());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("step 8/8  loss ")), trained.err());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("dev @4: loss ")), trained.err());
    List<String> out = trained.out().lines().toList();
    assertTrue(out.get(0).startsWith("completed after 8 steps; checkpoint "), trained.out());
    assertTrue(out.get(1).startsWith("dev: exact match "), trained.out());
    assertEquals("run: " + run, out.get(out.size() - 1), trained.out());
    assertTrue(out.stream().noneMatch(l -> l.startsWith("step ") || l.startsWith("dev @") || l.startsWith("data: ")
        || l.startsWith("model: ")), "no progress or announcement on standard output: " + trained.out());
  }

  @Test
  void compareTrainsOnStandardErrorAndPrintsOnlyItsTableOnStandardOutput() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "compare", "--runs", dir.toString(), "--name", "cmp", "--variants",
        "none,luong-dot", "--heatmaps", "1"));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("\n8 held-out sentences, greedy decoding; quality by source length"), r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("== ") || l.startsWith("completed after")
        || l.startsWith("chart: ") || l.startsWith("heatmap: ") || l.startsWith("step ")), r.out());
    assertTrue(r.err().contains("== none\nrun: ") && r.err().contains("\ncompleted after 8 steps"), r.err());
    assertTrue(r.err().contains("\nchart: " + dir.resolve("cmp/quality-by-length.png") + "\n")
        && r.err().contains("\nheatmap: "), r.err());
  }

  @Test
  void evalAndTranslatePrintScoresAndTranslationsAloneOnStandardOutput() throws Exception {
    String run = dir.resolve("s").toString();
    Cli.Result eval = Cli.run("eval", "-m", run);
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().startsWith("8 test sentences\n"), eval.out());
    assertTrue(eval.err().startsWith("eval s: 8/8 sentences, "), "progress on standard error: " + eval.err());
    Path input = Files.writeString(dir.resolve("dates.txt"), IntStream.rangeClosed(1, 120)
        .mapToObj(i -> "March " + (i % 28 + 1) + ", 2021").collect(Collectors.joining("\n", "", "\n")));
    Cli.Result t = Cli.run("translate", "-m", run, "-i", input.toString());
    assertEquals(0, t.code(), t.err());
    assertEquals(120, t.out().lines().count(), "one translation a line, nothing else: " + t.out());
    assertTrue(t.err().contains("translate: 120/120 sentences"), "the progress of a long input: " + t.err());
    Path png = dir.resolve("map.png");
    Cli.Result map = Cli.run("translate", "-m", run, "--attention-map", png.toString(), "March 3, 2021");
    assertEquals(0, map.code(), map.err());
    assertEquals(1, map.out().lines().count(), map.out());
    assertEquals("attention map written to " + png + "\n", map.err());
  }

  @Test
  void dataCommandsPrintTheirDataOnStandardOutputAndTheirNotesOnStandardError() throws Exception {
    Path tsv = dir.resolve("g.tsv");
    Cli.Result file = Cli.run("data", "generate", "copy", "--count", "3", "-o", tsv.toString());
    assertEquals("", file.out());
    assertEquals("wrote 3 pairs of copy to " + tsv + "\n", file.err());
    // -o - (the pairs alone on standard output) is LauncherTest.dataGenerateWithDashWritesStandardOutputAndNoFileNamedDash.
    Cli.Result stats = Cli.run("data", "stats", tsv.toString());
    assertTrue(stats.out().contains("3 pairs") && stats.err().isEmpty(), stats.out() + stats.err());
  }

  @Test
  void diagnosticsPrintTheirTablesOnStandardOutputAndWhereChartsWentOnStandardError() {
    Path png = dir.resolve("g.png");
    Cli.Result g = Cli.run("gradients", "--length", "10", "--hidden", "4", "--batch", "2", "--cells", "rnn",
        "--chart", png.toString());
    assertEquals(0, g.code(), g.err());
    assertTrue(g.out().startsWith("T = 10, hidden 4") && !g.out().contains("chart: "), g.out());
    assertEquals("chart: " + png + "\n", g.err());
    Path learn = dir.resolve("learn.png");
    Cli.Result l = Cli.run("cells", "learn", "--cells", "rnn", "--length", "5", "--hidden", "4", "--batch", "2",
        "--steps", "4", "--eval-every", "2", "--eval-size", "4", "--chart", learn.toString());
    assertEquals(0, l.code(), l.err());
    assertTrue(l.out().startsWith("adding problem") && !l.out().contains("chart: ") && !l.out().contains("held-out MSE 0"),
        l.out());
    assertTrue(l.err().contains("rnn: step 2, held-out MSE") && l.err().endsWith("chart: " + learn + "\n"), l.err());
  }

  @Test
  void averagingNotesTheDirectoryItWroteOnStandardError() throws Exception {
    Path out = dir.resolve("avg");
    Cli.Result r = Cli.run("average", "-o", out.toString(), "--last", "2", dir.resolve("s").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("averaged 2 checkpoints") && Files.isDirectory(out), r.err());
  }
}

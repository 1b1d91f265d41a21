package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs the docs show under the slow commands ({@code train}, {@code compare},
 * {@code eval -m}, {@code average}), which are too slow to run in every build, have the shape
 * of what the commands print today: each shown line matches one of the line shapes in
 * {@link #SHAPES}, and each shape is one that a tiny run of the real commands prints. A renamed
 * field, a reordered score or a line a command no longer prints fails the build, naming the
 * doc, its line and the line shown. The numbers themselves are not checked (they are measured
 * on runs that take minutes).
 */
@Tag("docs")
class DocumentedOutputShapesTest {

  private static final String NUMBER = "-?[\\d,]+(\\.\\d+)?";
  private static final String SCORES = "exact match " + NUMBER + "%, BLEU " + NUMBER + ", chrF " + NUMBER;
  private static final String TABLE_ROW = "[\\w+-]+ +\\d+( \\|( +" + NUMBER + "){4})+";
  private static final String TABLE_HEAD = "length +n( \\| \\S+ *)+";
  private static final String TABLE_SUBHEAD = " +(\\|   exact  tokacc   BLEU   chrF *)+";

  /** What {@code train} prints; {@code compare} prints it too, for each variant it trains. */
  private static final List<String> TRAINING = List.of(
          "run: \\S+",
          "data: .+",
          "model: [\\w-]+, [\\w-]+ attention, [\\d,]+ parameters; kernels: .+",
          "step \\d+/\\d+  loss " + NUMBER + " \\| " + NUMBER + "k tok/s \\| \\|g\\| " + NUMBER + " \\| lr [\\d.e-]+  \\d+ ms/step"
              + "  ETA (\\?|\\d+s|\\d+m\\d\\ds|\\d+h\\d\\dm)",
          "dev @\\d+: loss " + NUMBER + ", " + SCORES + " \\(\\d+ sentences\\)",
          "(completed|interrupted|early-stopped|time limit) after \\d+ steps; checkpoint \\S+/checkpoints/step-\\d{7}",
          "dev: " + SCORES,
          "peak memory \\(RSS\\): [\\d,]+ MB",
          "examples:",
          "  .+  →( .*)?");

  /** Every line shape of the slow commands' outputs, by the documented command's first word. */
  static final Map<String, List<String>> SHAPES = Map.of(
      "train", TRAINING,
      "compare", concat(TRAINING, List.of(
          "== [\\w-]+",
          "\\d+ held-out sentences( \\(\\S+\\))?, greedy decoding; quality by source length \\(tokens\\)",
          TABLE_HEAD,
          TABLE_SUBHEAD,
          TABLE_ROW,
          "chart: \\S+\\.png",
          "heatmap: \\S+-\\d+\\.png")),
      "eval", List.of(
          "\\d+ test sentences",
          TABLE_HEAD,
          TABLE_SUBHEAD,
          TABLE_ROW,
          "(BLEU|chrF): A " + NUMBER + " \\[" + NUMBER + ", " + NUMBER + "\\] vs B " + NUMBER + " \\[" + NUMBER + ", "
              + NUMBER + "\\]; paired bootstrap p = " + NUMBER + " \\((A is significantly better|not significant), \\d+ samples\\)"),
      "average", List.of("averaged \\d+ checkpoints? \\((step-\\d{7}(, )?)+\\) into \\S+"));

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @Test
  void everyShownLineOfASlowCommandHasTheShapeOfItsOutput() throws IOException {
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (Path doc : DocumentedCommands.docs()) {
      for (DocumentedCommands.Step step : DocumentedCommands.steps(doc)) {
        List<String> shapes = shapesOf(step.text());
        if (shapes == null) {
          continue;
        }
        for (int i = 0; i < step.output().size(); i++) {
          String line = step.output().get(i).stripTrailing();
          if (line.isBlank() || line.strip().equals("…") || line.startsWith("attento: ")) {
            continue;
          }
          checked++;
          if (shapes.stream().noneMatch(line::matches)) {
            wrong.add(doc.getFileName() + ":" + (step.line() + i + 1) + " (" + step.text().split(" ")[1] + "): " + line);
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "shown lines no command prints");
    assertTrue(checked > 60, "the docs' outputs are found: " + checked);
  }

  @Test
  void aLineOfAnotherShapeIsCaught() {
    List<String> train = SHAPES.get("train");
    assertTrue(train.stream().anyMatch("dev @1500: loss 0.0029, exact match 99.4%, BLEU 0.0, chrF 100.0 (500 sentences)"::matches));
    for (String drifted : List.of("dev @1500: loss 0.0029, exact 99.4%, BLEU 0.0, chrF 100.0 (500 sentences)",
        "step 75/1500  loss 2.510 | …", "completed after 1500 steps; checkpoint runs/x/step-1500", "peak memory: 368 MB")) {
      assertTrue(train.stream().noneMatch(drifted::matches), drifted);
    }
  }

  /** The shapes of {@code command}'s output ({@code ./attento train …}), or null for a command not checked here. */
  private static List<String> shapesOf(String command) {
    String[] words = command.split(" +");
    if (words.length < 2 || !words[0].equals("./attento") || command.matches(".*[|<>].*")) {
      return null;
    }
    if (words[1].equals("eval") && !command.contains(" -m ")) {
      return null; // eval --hyp/--ref is run by DocumentedCommandsRunTest
    }
    return SHAPES.get(words[1]);
  }

  @Test
  void eachShapeIsOneTheCommandsPrint(@TempDir Path dir) {
    String runs = dir.toString();
    Map<String, List<Cli.Result>> printed = Map.of(
        "train", List.of(Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", runs, "--name", "a",
            "--attention", "none"))),
        "compare", List.of(Cli.run(CliTest.with(CliTest.TINY, "compare", "--runs", runs, "--name", "c",
            "--variants", "luong-dot", "--heatmaps", "1", "--set", "training.steps=2"))),
        "eval", List.of(Cli.run("eval", "-m", dir.resolve("a").toString(), "--compare-to",
            dir.resolve("c/luong-dot").toString(), "--samples", "20")),
        "average", List.of(Cli.run("average", "-o", dir.resolve("avg").toString(), "--last", "2",
            dir.resolve("a").toString())));
    for (var e : printed.entrySet()) {
      Set<String> unused = new LinkedHashSet<>(SHAPES.get(e.getKey()));
      if (e.getKey().equals("compare")) {
        unused.removeAll(TRAINING); // train's own run prints them (compare's variants show no examples)
      }
      for (Cli.Result r : e.getValue()) {
        assertEquals(0, r.code(), r.out() + r.err());
        for (String line : (r.out() + r.err()).lines().map(String::stripTrailing).toList()) {
          if (line.isEmpty() || line.startsWith(e.getKey().equals("eval") ? "eval " : "\0")) {
            continue; // eval's progress ("eval a: 8/8 sentences, …"), which the docs leave out
          }
          List<String> matching = SHAPES.get(e.getKey()).stream().filter(line::matches).toList();
          assertTrue(!matching.isEmpty(), e.getKey() + " printed a line of no known shape: «" + line + "»");
          unused.removeAll(matching);
        }
      }
      assertEquals(Set.of(), unused, e.getKey() + ": shapes no tiny run printed (stale?)");
    }
  }
}

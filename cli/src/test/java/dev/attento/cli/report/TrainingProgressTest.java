package dev.attento.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.train.Evaluation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curves exist after every evaluation, and an evaluation does not restart the progress clock. */
class TrainingProgressTest {

  @TempDir
  Path dir;

  @Test
  void theCurvesAreDrawnAtEveryEvaluation() throws Exception {
    Path curves = dir.resolve("curves.png");
    try (MetricsLog log = new MetricsLog(dir);
         TrainingProgress progress = new TrainingProgress(new PrintWriter(new StringWriter()), log, curves, 10, 0, false)) {
      for (int step = 1; step <= 4; step++) {
        progress.onStep(step, 10, 2.0 / step, 100, 0.5, 1e-3, 5);
      }
      assertTrue(!Files.exists(curves));
      progress.onEvaluation(4, evaluation());
      assertTrue(Files.size(curves) > 0, "drawn at the first evaluation, before the run ends");
      long first = Files.getLastModifiedTime(curves).toMillis();
      progress.onStep(5, 10, 0.3, 100, 0.5, 1e-3, 5);
      progress.onEvaluation(5, evaluation());
      assertTrue(Files.getLastModifiedTime(curves).toMillis() >= first);
      assertEquals(5, MetricsLog.read(dir).train().size(), "the rows are on disk for the chart");
    }
  }

  @Test
  void anEvaluationDoesNotRestartTheProgressClock() throws Exception {
    try (MetricsLog log = new MetricsLog(dir);
         TrainingProgress progress = new TrainingProgress(new PrintWriter(new StringWriter()), log,
             dir.resolve("curves.png"), 10, 0, true)) {
      progress.onStep(1, 10, 1.0, 100, 0.5, 1e-3, 5);
      Instant started = progress.bar().getStartInstant();
      progress.onEvaluation(1, evaluation());
      progress.onStep(2, 10, 1.0, 100, 0.5, 1e-3, 5);
      // The bar's speed and ETA divide the time since its start by the steps since its start.
      assertEquals(started, progress.bar().getStartInstant());
      assertEquals(0, progress.bar().getStart());
    }
  }

  @Test
  void theEtaIgnoresTheFirstStepsAndEvaluationsAndNeverJumpsBack() throws Exception {
    StringWriter lines = new StringWriter();
    try (MetricsLog log = new MetricsLog(dir);
         TrainingProgress progress = new TrainingProgress(new PrintWriter(lines), log, dir.resolve("curves.png"), 100, 0,
             false)) {
      for (int step = 1; step <= 100; step++) {
        // The trainer times a step before it evaluates or saves: three slow first steps, then 100 ms each.
        progress.onStep(step, 100, 1.0, 100, 0.5, 1e-3, step <= 3 ? 2_000 : 100);
        if (step % 25 == 0) {
          progress.onEvaluation(step, evaluation());
        }
      }
    }
    java.util.List<String> etas = lines.toString().lines().filter(l -> l.startsWith("step "))
        .map(l -> l.substring(l.indexOf("ETA ") + 4)).toList();
    assertEquals(20, etas.size(), lines.toString());
    assertEquals(java.util.List.of("?", "?"), etas.subList(0, 2), "no ETA before 3 + 10 steps are timed");
    assertEquals("9s", etas.get(2), "step 15: 85 steps of 100 ms; the slow first steps are not counted");
    for (int i = 3; i < etas.size(); i++) {
      assertEquals(Math.round((100 - 5 * (i + 1)) * 0.1), Long.parseLong(etas.get(i).replace("s", "")),
          "evaluations do not move the ETA: " + etas);
    }
  }

  private static Evaluation evaluation() {
    return new Evaluation(1.5, 0.25, 10, 20, 8);
  }
}

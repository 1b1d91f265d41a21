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

  private static Evaluation evaluation() {
    return new Evaluation(1.5, 0.25, 10, 20, 8);
  }
}

package dev.attento.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv stays whole lines and agrees with the checkpoints after a crash. */
class MetricsLogTest {

  @TempDir
  Path dir;

  @Test
  void whatReachesTheFileIsAlwaysWholeLines() throws Exception {
    MetricsLog log = new MetricsLog(dir);
    // Far more than any buffer, never flushed: what a SIGKILL would find on disk.
    for (int step = 1; step <= 3000; step++) {
      log.step(step, 1.0 / step, 1234.5, 0.5, 1e-3);
      String onDisk = Files.exists(dir.resolve("metrics.csv")) ? Files.readString(dir.resolve("metrics.csv")) : "";
      assertTrue(onDisk.isEmpty() || onDisk.endsWith("\n"), "torn at step " + step);
    }
    log.close();
    List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
    assertEquals(3001, lines.size());
    assertEquals(3000, MetricsLog.read(dir).train().size());
  }

  @Test
  void aResumeDropsRowsAfterItsCheckpointAndATornLine() throws Exception {
    try (MetricsLog log = new MetricsLog(dir)) {
      for (int step = 1; step <= 10; step++) {
        log.step(step, 1, 1, 1, 1);
        if (step % 4 == 0) {
          log.evaluation(step, 1, 0.5, 10, 20);
        }
      }
    }
    // A kill mid-line after the checkpoint of step 8.
    Files.writeString(dir.resolve("metrics.csv"), "train,11,0.5", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (MetricsLog log = MetricsLog.resumed(dir, 8)) {
      log.step(9, 2, 2, 2, 2);
    }
    MetricsLog.History h = MetricsLog.read(dir);
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), h.train().stream().map(r -> r[0]).toList());
    assertEquals(List.of(4.0, 8.0), h.dev().stream().map(r -> r[0]).toList());
    assertEquals(MetricsLog.HEADER, Files.readAllLines(dir.resolve("metrics.csv")).get(0));
  }
}

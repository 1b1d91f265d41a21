package dev.attento.cli.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  @TempDir
  Path dir;

  @Test
  void heatmapLabelsLeaveOutJoinerMarks() throws Exception {
    assertEquals(":", Charts.tokenLabel("￭:"));
    assertEquals("-", Charts.tokenLabel("￭-￭"));
    assertEquals("l'", Charts.tokenLabel("l'￭"));
    assertEquals("area", Charts.tokenLabel("area"));
    Path png = dir.resolve("a.png");
    Charts.attention(png, List.of("Rename", "style", ":"), List.of("Rinomina", "stile", "￭:", "</s>"),
        new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
    assertTrue(Files.size(png) > 0);
  }
}

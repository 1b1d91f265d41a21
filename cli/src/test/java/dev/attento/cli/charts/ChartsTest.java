package dev.attento.cli.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void aChartGoesToExactlyTheNamedPathAndThroughASymlink() throws Exception {
    Map<String, double[][]> series = Map.of("loss", new double[][] {{1, 2, 3}, {3, 2, 1}});
    Path plain = dir.resolve("curves"); // no .png appended: the file is where the user said
    Charts.lines(plain, "t", "x", "y", series, false);
    assertTrue(Files.size(plain) > 0);
    Path target = dir.resolve("shared.png");
    Path link = Files.createSymbolicLink(dir.resolve("latest.png"), target.getFileName());
    Charts.lines(link, "t", "x", "y", series, true);
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertTrue(Files.size(target) > 0, "its target gets the chart");
  }
}

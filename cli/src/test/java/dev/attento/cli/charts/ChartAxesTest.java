package dev.attento.cli.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The chart defects of issue 15, read from the charts XChart lays out: x ticks at data points
 * (1, 80, 159, …), a log axis mixing {@code 1000} and {@code 1E4}, quality by length at bucket
 * midpoints (5.5, 13), heatmaps without a colour scale.
 */
class ChartAxesTest {

  @Test
  void equallySpacedStepsGetRoundXTicks() throws Exception {
    for (int first : new int[] {0, 1, 10}) {
      for (int every : new int[] {1, 4, 79, 50}) {
        double[] x = IntStream.range(0, 250).mapToDouble(i -> first + i * every).toArray();
        double[] y = IntStream.range(0, 250).mapToDouble(i -> 1.0 / (i + 1)).toArray();
        List<Double> ticks = numbers(labels(Charts.lineChart("t", "step", "loss", Map.of("train", new double[][] {x, y}),
            false), true));
        double step = ticks.get(1) - ticks.get(0);
        String where = "from " + first + " every " + every + ": " + ticks;
        assertTrue(isRound(step), where);
        for (double t : ticks) {
          assertEquals(0, Math.IEEEremainder(t, step), 1e-9, where);
        }
      }
    }
  }

  @Test
  void aLogAxisWritesEveryLabelTheSameWay() throws Exception {
    Map<String, double[][]> wide = Map.of("grad", new double[][] {{0, 1, 2, 3, 4, 5}, {1e12, 1e9, 1e6, 1e3, 1, 1e-3}});
    List<String> labels = labels(Charts.lineChart("g", "steps back", "norm", wide, true), false);
    assertTrue(labels.contains("1E12") && labels.contains("1E3") && labels.contains("1E0"), labels.toString());
    assertTrue(labels.stream().allMatch(l -> l.matches("1E-?\\d+")), "no 1000 beside 1E4: " + labels);
    Map<String, double[][]> narrow = Map.of("loss", new double[][] {{1, 2, 3}, {30, 2, 0.05}});
    List<String> plain = labels(Charts.lineChart("c", "step", "loss", narrow, true), false);
    assertEquals(List.of("0.1", "1", "10"), plain, "plain numbers where they are short");
  }

  @Test
  void qualityByLengthHasOneTickPerBucketWithItsLabel() throws Exception {
    List<String> buckets = List.of("1-10", "11-15", "16-20", "21-25", "26+");
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("none", new double[] {0.9, 0.7, 0.2, 0.03, 0});
    series.put("luong-general", new double[] {1, 1, 1, 0.99, 0.5});
    assertEquals(buckets, labels(Charts.categoryChart("exact by length", "source length", "exact", buckets, series), true));
  }

  @Test
  void aHeatmapShowsItsColourScale() throws Exception {
    // All weights 0: the cells are white, so the darkest shade can only come from the scale.
    float[][] zero = new float[3][3];
    BufferedImage image = BitmapEncoder.getBufferedImage(
        Charts.attentionChart(List.of("a", "b", "c"), List.of("x", "y", "z"), zero));
    int darkest = 0xFF08306B;
    boolean found = false;
    for (int px = 0; px < image.getWidth() && !found; px++) {
      for (int py = 0; py < image.getHeight() && !found; py++) {
        found = image.getRGB(px, py) == darkest;
      }
    }
    assertTrue(found, "the colour scale shows the shade of weight 1");
  }

  /** The tick labels XChart lays out for the x or y axis (nulls, the unlabelled log ticks, left out). */
  private static List<String> labels(Chart<?, ?> chart, boolean x) throws Exception {
    BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
    chart.paint(image.createGraphics(), chart.getWidth(), chart.getHeight());
    Field pairField = Chart.class.getDeclaredField("axisPair");
    pairField.setAccessible(true);
    Object pair = pairField.get(chart);
    Method axis = pair.getClass().getDeclaredMethod(x ? "getXAxis" : "getYAxis");
    axis.setAccessible(true);
    Axis<?, ?> a = (Axis<?, ?>) axis.invoke(pair);
    List<String> labels = a.getAxisTickCalculator().getTickLabels().stream().filter(Objects::nonNull).toList();
    assertFalse(labels.isEmpty());
    return labels;
  }

  private static List<Double> numbers(List<String> labels) {
    return labels.stream().map(l -> Double.parseDouble(l.replace(",", ""))).toList();
  }

  /** 1, 2, 2.5 or 5 times a power of ten. */
  private static boolean isRound(double step) {
    double scale = Math.pow(10, Math.floor(Math.log10(step)));
    double m = step / scale;
    return List.of(1.0, 2.0, 2.5, 5.0, 10.0).stream().anyMatch(r -> Math.abs(m - r) < 1e-9);
  }
}

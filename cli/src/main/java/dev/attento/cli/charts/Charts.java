package dev.attento.cli.charts;

import dev.attento.core.io.OutputTarget;
import dev.attento.seq2seq.text.LuceneWordTokenizer;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts drawn headless with XChart: line charts (curves, gradient flow), lines over
 * categories (quality by length bucket) and attention heatmaps with their colour scale. Axis
 * ranges and log-axis labels are chosen by {@link AxisRange}, because XChart's own choice puts
 * ticks at every k-th data point (1, 80, 159, …) when the x values are equally spaced.
 */
public final class Charts {

  private Charts() {}

  /**
   * A line chart with one series per entry.
   *
   * @param series name → (x values, y values)
   * @param logY logarithmic y axis (gradient norms span many orders of magnitude)
   */
  public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series,
                           boolean logY) throws IOException {
    save(lineChart(title, xLabel, yLabel, series, logY), file);
  }

  /** The chart {@link #lines} draws. */
  static XYChart lineChart(String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean logY) {
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (var e : series.entrySet()) {
      double[][] xy = e.getValue();
      if (xy[0].length == 0) {
        continue;
      }
      double[] y = xy[1];
      if (logY) {
        // A log axis cannot show 0 (a memorised training set reaches loss 0.000000).
        y = java.util.Arrays.stream(y).map(v -> Math.max(v, 1e-300)).toArray();
      }
      XYSeries s = chart.addSeries(e.getKey(), xy[0], y);
      s.setMarker(xy[0].length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      widen(yRange, y);
    }
    double[] xs = series.values().stream().flatMapToDouble(xy -> java.util.Arrays.stream(xy[0])).toArray();
    if (xs.length > 0) {
      double[] x = AxisRange.forX(xs);
      chart.getStyler().setXAxisMin(x[0]);
      chart.getStyler().setXAxisMax(x[1]);
    }
    if (logY && yRange[0] <= yRange[1]) {
      chart.getStyler().setYAxisDecimalPattern(AxisRange.logPattern(yRange[0], yRange[1]));
    }
    return chart;
  }

  /**
   * A line chart over named categories in order (quality by length bucket: {@code 1-10},
   * {@code 11-15}, …, {@code 26+}): each category is one tick with its own label, not a
   * midpoint on a numeric axis.
   *
   * @param series name → one value per category
   */
  public static void categoryLines(Path file, String title, String xLabel, String yLabel, List<String> categories,
                                   Map<String, double[]> series) throws IOException {
    save(categoryChart(title, xLabel, yLabel, categories, series), file);
  }

  /** The chart {@link #categoryLines} draws. */
  static CategoryChart categoryChart(String title, String xLabel, String yLabel, List<String> categories,
                                     Map<String, double[]> series) {
    CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel)
        .yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    for (var e : series.entrySet()) {
      List<Double> values = java.util.Arrays.stream(e.getValue()).boxed().toList();
      chart.addSeries(e.getKey(), categories, values).setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  private static void widen(double[] range, double[] values) {
    for (double v : values) {
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
  }

  /**
   * An attention heatmap: rows are target tokens, columns source tokens, darker is more weight
   * (the presentation of Bahdanau et al. 2014, Fig. 3).
   */
  public static void attention(Path file, List<String> source, List<String> target, float[][] weights) throws IOException {
    save(attentionChart(source, target, weights), file);
  }

  /** The chart {@link #attention} draws. */
  static HeatMapChart attentionChart(List<String> source, List<String> target, float[][] weights) {
    int cell = 34;
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(520, 260 + cell * source.size()))
        .height(Math.max(320, 140 + cell * target.size())).title("attention").build();
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setShowValue(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(true); // the colour scale: which shade is which weight
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setRangeColors(new Color[] {new Color(255, 255, 255), new Color(8, 48, 107)});
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setMin(0.0);
    chart.getStyler().setMax(1.0);
    List<Number[]> heat = new java.util.ArrayList<>();
    for (int t = 0; t < target.size(); t++) {
      for (int s = 0; s < source.size(); s++) {
        // XChart puts y = 0 at the bottom; flip so the first target token is on top.
        heat.add(new Number[] {s, target.size() - 1 - t, t < weights.length && s < weights[t].length ? weights[t][s] : 0f});
      }
    }
    List<String> yLabels = new java.util.ArrayList<>(target.stream().map(Charts::tokenLabel).toList());
    java.util.Collections.reverse(yLabels);
    chart.addSeries("weight", source.stream().map(Charts::tokenLabel).toList(), yLabels, heat);
    return chart;
  }

  /** A token as a chart shows it: without the word tokenizer's joiner marks, which chart fonts lack. */
  static String tokenLabel(String token) {
    String bare = token.replace(LuceneWordTokenizer.JOINER, "");
    return bare.isEmpty() ? token : bare;
  }

  /** Writes the PNG to exactly {@code file}, as {@link OutputTarget} decides (atomic, or through a symlink or device). */
  private static void save(Chart<?, ?> chart, Path file) throws IOException {
    OutputTarget.of(file).write(out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }
}

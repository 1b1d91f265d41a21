package dev.attento.cli.charts;

import java.util.Arrays;

/**
 * Axis ranges and label formats for line charts, chosen here rather than left to XChart.
 *
 * <p>XChart puts numeric x ticks at round values (0, 100, 200, …) unless the axis minimum, the
 * x values and the axis maximum, taken together, are equally spaced: then it labels every k-th
 * data point instead, starting at the first, which gave training curves ticks at 1, 80, 159, ….
 * {@link #forX} starts the axis at 0 (steps, lengths and distances are never negative) and, if
 * the values would still be equally spaced, ends it half a spacing after the last value.
 *
 * <p>On a logarithmic axis XChart formats each decade on its own ({@code 1000} next to
 * {@code 1E4}); {@link #logPattern} gives one pattern for the whole axis.
 */
final class AxisRange {

  /** XChart's tolerance when it compares the spacing of axis values. */
  private static final double SPACING_TOLERANCE = 1e-4;

  private AxisRange() {}

  /** The x axis's {@code [min, max]} for these x values (at least one). */
  static double[] forX(double[] xs) {
    double[] sorted = Arrays.stream(xs).sorted().distinct().toArray();
    double min = sorted[0] >= 0 ? 0 : sorted[0];
    double max = sorted[sorted.length - 1];
    if (max <= min) {
      return new double[] {min, min + 1};
    }
    double[] withBounds = Arrays.stream(concat(min, sorted, max)).distinct().toArray();
    double spacing = withBounds[1] - withBounds[0];
    boolean equallySpaced = true;
    for (int i = 1; i < withBounds.length && equallySpaced; i++) {
      equallySpaced = Math.abs(withBounds[i] - withBounds[i - 1] - spacing) < SPACING_TOLERANCE;
    }
    return new double[] {min, equallySpaced ? max + spacing / 2 : max};
  }

  /**
   * The decimal pattern of a logarithmic axis whose values lie in {@code [min, max]}: plain
   * numbers ({@code 0.001} … {@code 10000}) when they all fit that, otherwise every label in
   * scientific notation ({@code 1E-6} … {@code 1E12}).
   */
  static String logPattern(double min, double max) {
    return min >= 1e-4 && max <= 1e4 ? "0.####" : "0E0";
  }

  private static double[] concat(double first, double[] middle, double last) {
    double[] all = new double[middle.length + 2];
    all[0] = first;
    System.arraycopy(middle, 0, all, 1, middle.length);
    all[all.length - 1] = last;
    return all;
  }
}

package dev.attento.core.bench;

import dev.attento.core.kernels.Gemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GFLOP/s of a GEMM kernel on given shapes: warm up, then the median of several samples of
 * at least {@code minMillis} each. Used by {@code attento bench}; run one kernel per JVM when
 * comparing kernels, since JIT state and heap layout of one shifts the other's figures.
 */
public final class GemmBench {

  /**
   * One measured shape.
   *
   * @param m rows of C
   * @param k inner dimension
   * @param n columns of C
   * @param transB whether B is stored transposed ({@code x·Wᵀ}, the nn.Linear layout)
   * @param gflops median GFLOP/s
   */
  public record Result(int m, int k, int n, boolean transB, double gflops) {}

  private GemmBench() {}

  /** Measures each shape {m, k, n} with B plain and transposed. */
  public static List<Result> run(Gemm kernel, int[][] shapes, long minMillis, int samples) {
    List<Result> out = new ArrayList<>();
    for (int[] s : shapes) {
      for (boolean transB : new boolean[] {false, true}) {
        out.add(new Result(s[0], s[1], s[2], transB, measure(kernel, s[0], s[1], s[2], transB, minMillis, samples)));
      }
    }
    return out;
  }

  private static double measure(Gemm g, int m, int k, int n, boolean transB, long minMillis, int samples) {
    SplittableRandom r = new SplittableRandom(1);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    float[] c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextDouble();
    }
    Runnable call = () -> g.gemm(false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, 0f, c, 0, n);
    long warmEnd = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < warmEnd) {
      call.run();
    }
    double[] rates = new double[samples];
    for (int s = 0; s < samples; s++) {
      long calls = 0;
      long start = System.nanoTime();
      long end = start + minMillis * 1_000_000L;
      long now;
      do {
        call.run();
        calls++;
        now = System.nanoTime();
      } while (now < end);
      rates[s] = 2.0 * m * n * k * calls / (now - start);
    }
    Arrays.sort(rates);
    return rates[samples / 2];
  }

  /** Prints GFLOP/s for the benchmark shapes with the fastest kernel on every core. */
  public static void main(String[] args) {
    Gemm g = dev.attento.core.kernels.Kernels.choose(dev.attento.core.kernels.Kernels.Choice.AUTO,
        dev.attento.core.parallel.WorkerPool.perCore()).gemm();
    int[][] shapes = {{64, 320, 1024}, {64, 256, 1024}, {64, 1024, 256}, {1024, 1024, 1024}, {1, 320, 1024}};
    System.out.println("kernel " + g.name());
    for (Result r : run(g, shapes, 50, 9)) {
      System.out.printf("%5d x %5d x %5d %s %7.1f GFLOP/s%n", r.m(), r.k(), r.n(), r.transB() ? "NT" : "NN", r.gflops());
    }
  }
}

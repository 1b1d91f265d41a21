package dev.attento.core.kernels;

import dev.attento.core.parallel.WorkerPool;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmark of the GEMM kernels on the shapes of the core issue and of training
 * (one kernel and shape per fork, since kernels sharing a JVM shifted each other's figures by
 * 20–40%). Run with {@code bench/jmh.sh}; the score is in microseconds per call, GFLOP/s is
 * {@code 2·m·k·n / score / 1000}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBenchmark {

  /** {@code m x k x n}. */
  @Param({"64x320x1024", "64x256x1024", "64x1024x256", "1024x1024x1024", "1x320x1024"})
  public String shape;

  /** {@code NN} (A·B) or {@code NT} (x·Wᵀ, the nn.Linear layout). */
  @Param({"NN", "NT"})
  public String layout;

  /** {@code vector} (every core), {@code vector1} (one core) or {@code blocked} (no Vector API). */
  @Param({"vector", "vector1"})
  public String kernel;

  private Gemm gemm;
  private WorkerPool pool;
  private int m;
  private int k;
  private int n;
  private boolean transB;
  private float[] a;
  private float[] b;
  private float[] c;

  @Setup
  public void setUp() {
    String[] d = shape.split("x");
    m = Integer.parseInt(d[0]);
    k = Integer.parseInt(d[1]);
    n = Integer.parseInt(d[2]);
    transB = layout.equals("NT");
    gemm = switch (kernel) {
      case "vector" -> new VectorGemm(pool = WorkerPool.perCore());
      case "vector1" -> new VectorGemm();
      case "blocked" -> new BlockedGemm();
      default -> throw new IllegalArgumentException("kernel " + kernel);
    };
    SplittableRandom r = new SplittableRandom(1);
    a = new float[m * k];
    b = new float[k * n];
    c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextDouble();
    }
  }

  @TearDown
  public void tearDown() {
    if (pool != null) {
      pool.close();
    }
  }

  @Benchmark
  public float[] gemm() {
    gemm.gemm(false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, 0f, c, 0, n);
    return c;
  }
}

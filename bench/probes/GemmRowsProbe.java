// GFLOP/s of the GEMM against prepacked weights (the decoder's x·Wᵀ) for shapes MxKxN on a pool
// of THREADS, with six weight matrices used in turn so that, for large K·N, they are read from
// memory as a model's layers are, not from cache. Comparing M = 1 with M = 32 bounds what batching
// 32 sentences can gain if nothing but the products took time.
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/GemmRowsProbe.java \
//     THREADS 1x1024x4096,32x1024x4096
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import java.util.Arrays;
import java.util.SplittableRandom;

public class GemmRowsProbe {
  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    Gemm g = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(threads)).gemm();
    for (String shape : args[1].split(",")) {
      String[] d = shape.split("x");
      int m = Integer.parseInt(d[0]);
      int k = Integer.parseInt(d[1]);
      int n = Integer.parseInt(d[2]);
      SplittableRandom random = new SplittableRandom(1);
      float[] a = new float[m * k];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) random.nextDouble();
      }
      Gemm.Packed[] weights = new Gemm.Packed[6];
      for (int w = 0; w < weights.length; w++) {
        float[] b = new float[k * n];
        for (int i = 0; i < b.length; i++) {
          b[i] = (float) random.nextDouble();
        }
        weights[w] = g.pack(true, k, n, b, 0, k);
      }
      float[] c = new float[m * n];
      double[] rates = new double[6];
      for (int sample = 0; sample < rates.length; sample++) {
        long calls = 0;
        long t0 = System.nanoTime();
        long now;
        do {
          g.gemm(false, m, 1f, a, 0, k, weights[(int) (calls % weights.length)], 0f, c, 0, n);
          calls++;
          now = System.nanoTime();
        } while (now - t0 < 400_000_000L);
        rates[sample] = 2.0 * m * n * k * calls / (now - t0);
      }
      // The first sample warms the JIT up.
      double[] measured = Arrays.copyOfRange(rates, 1, rates.length);
      Arrays.sort(measured);
      System.out.printf("%s, %d threads, %s: median %.1f GFLOP/s (samples %s)%n", g.name(), threads, shape,
          measured[measured.length / 2], Arrays.toString(Arrays.stream(measured).map(x -> Math.round(x * 10) / 10.0).toArray()));
    }
    System.exit(0);
  }
}

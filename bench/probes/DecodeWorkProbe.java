// Counts the work of decoding 64 sentences of the default task through the server's BundleEngine,
// one at a time and in batches of 16, on one thread: multiply-adds and matrix products per
// sentence (a Gemm that counts, around the real one) and the calling thread's CPU time, hence
// the multiply-add rate each way. Three alternating rounds after six warm-up rounds.
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/DecodeWorkProbe.java RUN BEAM
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.model.BundleEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

public class DecodeWorkProbe {

  /** The real GEMM, counting multiply-adds and calls. */
  record CountingGemm(Gemm g, AtomicLong macs, AtomicLong calls) implements Gemm {
    public String name() {
      return g.name();
    }

    public Gemm withPool(WorkerPool p) {
      return new CountingGemm(g.withPool(p), macs, calls);
    }

    public void gemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
      macs.addAndGet((long) m * n * k);
      calls.incrementAndGet();
      g.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    public Packed pack(boolean tb, int k, int n, float[] b, int bOff, int ldb) {
      return g.pack(tb, k, n, b, bOff, ldb);
    }

    public void gemm(boolean ta, int m, float alpha, float[] a, int aOff, int lda, Packed b, float beta, float[] c,
                     int cOff, int ldc) {
      macs.addAndGet((long) m * b.n() * b.k());
      calls.incrementAndGet();
      g.gemm(ta, m, alpha, a, aOff, lda, b, beta, c, cOff, ldc);
    }
  }

  public static void main(String[] a) {
    ModelBundle m = Checkpoints.loadModel(Path.of(a[0]), null);
    int beam = Integer.parseInt(a[1]);
    AtomicLong macs = new AtomicLong();
    AtomicLong calls = new AtomicLong();
    Kernels real = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.single());
    Kernels k = new Kernels(new CountingGemm(real.gemm(), macs, calls), real.nonlinear(), real.blas1(), real.choice(),
        real.pool());
    BundleEngine e = new BundleEngine(new ModelInfo("x", "lstm", "a", 1, 1, 0, Map.of()), m, k);
    List<String> s = ToyTasks.byName("numbers").generate(256, 3).stream().map(p -> p.source()).toList();
    DecodeOptions o = new DecodeOptions(beam, 1, 1.0, 256, false);
    ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
    int n = 64;
    for (int w = 0; w < 6; w++) {
      decode(e, s, o, n, 1);
      decode(e, s, o, n, 16);
    }
    for (int batch : new int[] {1, 16, 1, 16, 1, 16}) {
      macs.set(0);
      calls.set(0);
      long c0 = cpuClock.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      decode(e, s, o, n, batch);
      double cpu = (cpuClock.getCurrentThreadCpuTime() - c0) / 1e6 / n;
      double wall = (System.nanoTime() - t0) / 1e6 / n;
      System.out.printf("beam %d, batch %2d: cpu %.3f ms a sentence (wall %.3f); %.2f M multiply-adds and %d products"
          + " a sentence; %.1f G multiply-adds/s%n", beam, batch, cpu, wall, macs.get() / (n * 1e6), calls.get() / n,
          macs.get() / (n * 1e6) / cpu);
    }
    System.exit(0);
  }

  private static void decode(BundleEngine e, List<String> s, DecodeOptions o, int n, int batch) {
    for (int i = 0; i < n; i += batch) {
      e.translate(s.subList(i, i + batch), o);
    }
  }
}

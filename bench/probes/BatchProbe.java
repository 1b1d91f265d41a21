// Decodes 64 sentences of the default task one at a time and in batches through the server's
// BundleEngine, on N threads, in alternating rounds (singles, batches, singles, ...): how much a
// batched decode saves per sentence. Prints each round and the medians: wall time, and the
// calling thread's CPU time (on one thread that is all the work, and it hardly moves when other
// processes load the machine, which wall time does).
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/BatchProbe.java \
//     RUN THREADS [BEAM=4] [BATCH=16] [ROUNDS=5]
// With a profiler: add -XX:StartFlightRecording=filename=probe.jfr,settings=profile before -cp.
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

public class BatchProbe {
  public static void main(String[] a) {
    ModelBundle m = Checkpoints.loadModel(Path.of(a[0]), null);
    int threads = Integer.parseInt(a[1]);
    int beam = a.length > 2 ? Integer.parseInt(a[2]) : 4;
    int batch = a.length > 3 ? Integer.parseInt(a[3]) : 16;
    int rounds = a.length > 4 ? Integer.parseInt(a[4]) : 5;
    Kernels k = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(threads));
    BundleEngine e = new BundleEngine(new ModelInfo("x", "lstm", "a", 1, 1, 0, Map.of()), m, k);
    List<String> s = ToyTasks.byName("numbers").generate(256, 3).stream().map(p -> p.source()).toList();
    DecodeOptions o = new DecodeOptions(beam, 1, 1.0, 256, false);
    int n = 64;
    for (int w = 0; w < 2; w++) {
      singles(e, s, o, n);
      batches(e, s, o, n, batch);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] single = new double[rounds];
    double[] batched = new double[rounds];
    double[] singleCpu = new double[rounds];
    double[] batchedCpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      single[r] = singles(e, s, o, n) / n;
      long c1 = cpu.getCurrentThreadCpuTime();
      batched[r] = batches(e, s, o, n, batch) / n;
      long c2 = cpu.getCurrentThreadCpuTime();
      singleCpu[r] = (c1 - c0) / 1e6 / n;
      batchedCpu[r] = (c2 - c1) / 1e6 / n;
      System.out.printf("  round %d: %.3f ms a sentence alone (cpu %.3f), %.3f ms in batches of %d (cpu %.3f)%n", r,
          single[r], singleCpu[r], batched[r], batch, batchedCpu[r]);
    }
    double ms = median(single);
    double mb = median(batched);
    double cs = median(singleCpu);
    double cb = median(batchedCpu);
    System.out.printf("threads %d, beam %d: %d sentences, medians of %d rounds: %.3f ms each alone; %.3f ms each in"
        + " batches of %d; gain %.2fx (calling thread's cpu: %.3f and %.3f ms, %.2fx)%n", threads, beam, n, rounds,
        ms, mb, batch, ms / mb, cs, cb, cs / cb);
    System.exit(0);
  }

  private static double singles(BundleEngine e, List<String> s, DecodeOptions o, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      e.translate(List.of(s.get(i)), o);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double batches(BundleEngine e, List<String> s, DecodeOptions o, int n, int batch) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i += batch) {
      e.translate(s.subList(i, Math.min(n, i + batch)), o);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}

// Decodes 64 sentences of the default task one at a time and in batches through the server's
// BundleEngine, on N threads, in alternating rounds (singles, batches, singles, ...): how much a
// batched decode saves per sentence. Prints each round and the medians.
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
    double[] single = new double[rounds];
    double[] batched = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      single[r] = singles(e, s, o, n) / n;
      batched[r] = batches(e, s, o, n, batch) / n;
      System.out.printf("  round %d: %.3f ms a sentence alone, %.3f ms in batches of %d%n", r, single[r], batched[r], batch);
    }
    double ms = median(single);
    double mb = median(batched);
    System.out.printf("threads %d, beam %d: %d sentences, medians of %d rounds: %.3f ms each alone; %.3f ms each in"
        + " batches of %d; gain %.2fx%n", threads, beam, n, rounds, ms, mb, batch, ms / mb);
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

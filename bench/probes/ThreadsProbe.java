// Decodes 32 sentences of the default task one at a time on a one-thread and on a two-thread
// pool, alternating, 11 rounds: does a single sentence gain or lose from a second thread? Prints
// the medians of wall time and of the calling thread's CPU time per sentence.
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/ThreadsProbe.java RUN BEAM
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

public class ThreadsProbe {
  private static final int SENTENCES = 32;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] a) {
    ModelBundle m = Checkpoints.loadModel(Path.of(a[0]), null);
    int beam = Integer.parseInt(a[1]);
    ModelInfo info = new ModelInfo("x", "lstm", "a", 1, 1, 0, Map.of());
    BundleEngine one = new BundleEngine(info, m, Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(1)));
    BundleEngine two = new BundleEngine(info, m, Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(2)));
    List<String> s = ToyTasks.byName("numbers").generate(256, 3).stream().map(p -> p.source()).toList();
    DecodeOptions o = new DecodeOptions(beam, 1, 1.0, 256, false);
    int rounds = 11;
    double[][] wall = new double[2][rounds];
    double[][] cpu = new double[2][rounds];
    for (int w = 0; w < 3; w++) {
      run(one, s, o);
      run(two, s, o);
    }
    for (int r = 0; r < rounds; r++) {
      double[] x = run(one, s, o);
      double[] y = run(two, s, o);
      wall[0][r] = x[0];
      cpu[0][r] = x[1];
      wall[1][r] = y[0];
      cpu[1][r] = y[1];
    }
    System.out.printf("beam %d, a sentence alone, medians of %d rounds: %.3f ms on 1 thread, %.3f ms on 2 threads"
        + " (2/1 = %.2f); calling thread's cpu %.3f and %.3f ms%n", beam, rounds, median(wall[0]), median(wall[1]),
        median(wall[1]) / median(wall[0]), median(cpu[0]), median(cpu[1]));
    System.exit(0);
  }

  /** Wall and calling-thread CPU milliseconds per sentence. */
  private static double[] run(BundleEngine e, List<String> s, DecodeOptions o) {
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < SENTENCES; i++) {
      e.translate(List.of(s.get(i)), o);
    }
    return new double[] {(System.nanoTime() - t0) / 1e6 / SENTENCES, (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / SENTENCES};
  }

  private static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}

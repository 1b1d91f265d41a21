// The engine's own ceiling for continuous batching, without HTTP or clients: keeps LIVE greedy
// sentences of the default task in one continuous batch (the server's ContinuousDecoding), a
// sentence that ends making room for the next and the waiting ones joining GROUP at a time, for
// SECONDS; then decodes the same sentences one at a time for as long. Alternating rounds; prints
// sentences/s each way and their ratio: what batching can gain at most in the server for this
// model on this machine.
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/ContinuousProbe.java \
//     RUN [THREADS=2] [LIVE=32] [GROUP=8] [SECONDS=5] [ROUNDS=3]
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.model.BundleEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class ContinuousProbe {
  public static void main(String[] a) {
    ModelBundle m = Checkpoints.loadModel(Path.of(a[0]), null);
    int threads = a.length > 1 ? Integer.parseInt(a[1]) : 2;
    int live = a.length > 2 ? Integer.parseInt(a[2]) : 32;
    int group = a.length > 3 ? Integer.parseInt(a[3]) : 8;
    long nanos = (a.length > 4 ? Integer.parseInt(a[4]) : 5) * 1_000_000_000L;
    int rounds = a.length > 5 ? Integer.parseInt(a[5]) : 3;
    Kernels k = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(threads));
    BundleEngine e = new BundleEngine(new ModelInfo("probe", "", "", 1, 1, 0, Map.of()), m, k);
    List<String> s = ToyTasks.byName("numbers").generate(4096, 3).stream().map(p -> p.source()).toList();
    DecodeOptions greedy = new DecodeOptions(1, 1, 1.0, 256, false);
    System.out.printf("%s, %d threads, %d live sentences joining %d at a time%n", k.gemm().name(), threads, live, group);
    for (int r = 0; r <= rounds; r++) {
      double continuous = continuous(e, s, greedy, live, group, nanos);
      double alone = alone(e, s, greedy, nanos);
      System.out.printf("%s: continuous %.1f sentences/s, alone %.1f sentences/s, ratio %.2fx%n",
          r == 0 ? "warm-up" : "round " + r, continuous, alone, continuous / alone);
    }
    System.exit(0);
  }

  private static double continuous(BundleEngine e, List<String> s, DecodeOptions o, int live, int group, long nanos) {
    ContinuousDecoding d = e.continuous(o).orElseThrow();
    int next = 0;
    int done = 0;
    int room = live;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < nanos) {
      if (room >= group || d.size() == 0) {
        List<String> joining = new ArrayList<>();
        int[] ids = new int[room];
        for (int i = 0; i < room; i++) {
          joining.add(s.get(next % s.size()));
          ids[i] = next++;
        }
        d.admit(joining, ids);
        room = 0;
      }
      int ended = d.step().size();
      done += ended;
      room += ended;
    }
    return done / ((System.nanoTime() - t0) / 1e9);
  }

  private static double alone(BundleEngine e, List<String> s, DecodeOptions o, long nanos) {
    int done = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < nanos) {
      e.translate(List.of(s.get(done % s.size())), o);
      done++;
    }
    return done / ((System.nanoTime() - t0) / 1e9);
  }
}

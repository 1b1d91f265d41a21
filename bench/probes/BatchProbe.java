// Decodes 64 sentences of the default task one at a time and in 4 batches of 16 through the
// server's BundleEngine, on N threads: how much a batched decode saves per sentence.
//   java --add-modules=jdk.incubator.vector -cp cli/target/attento.jar bench/probes/BatchProbe.java RUN THREADS
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.model.BundleEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class BatchProbe {
  public static void main(String[] a) {
    ModelBundle m = Checkpoints.loadModel(Path.of(a[0]), null);
    Kernels k = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(Integer.parseInt(a[1])));
    BundleEngine e = new BundleEngine(new ModelInfo("x", "lstm", "a", 1, 1, 0, Map.of()), m, k);
    List<String> s = ToyTasks.byName("numbers").generate(256, 3).stream().map(p -> p.source()).toList();
    DecodeOptions o = new DecodeOptions(4, 1, 1.0, 256, false);
    for (int w = 0; w < 3; w++) { for (String x : s) e.translate(List.of(x), o); e.translate(s.subList(0, 16), o); }
    long t0 = System.nanoTime();
    for (int i = 0; i < 64; i++) e.translate(List.of(s.get(i)), o);
    long t1 = System.nanoTime();
    for (int i = 0; i < 64; i += 16) e.translate(s.subList(i, i + 16), o);
    long t2 = System.nanoTime();
    System.out.printf("threads %s: 64 singles %.1f ms (%.2f ms each); 4 batches of 16: %.1f ms; gain %.2fx%n", a[1],
        (t1 - t0) / 1e6, (t1 - t0) / 64e6, (t2 - t1) / 1e6, (double) (t1 - t0) / (t2 - t1));
    System.exit(0);
  }
}

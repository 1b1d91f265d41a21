// Training speed of the LSTM written as a plugin on the public fast path (examples/fused-cells,
// loaded from its jar) against the built-in LSTM, in ONE JVM: the two models train in
// alternating blocks of steps (A B, then B A, ...) on `attento bench`'s workload (reversal task,
// hidden 256, batch 64, one thread), so a shared machine's load falls on both alike. The two
// compute the same numbers bit for bit, so they do exactly the same work. Prints per round the
// calling thread's CPU ms per step of each and the speed ratio plugin/built-in, then the median.
//   bench/fused-vs-builtin.sh [lstm|gru] [fixed|attention] [ROUNDS] [STEPS]   (builds and runs this), or by hand:
//   mvn -B -q -DskipTests -Dmaven.javadoc.skip -pl cli,examples/fused-cells -am package
//   mkdir -p /tmp/fused && cp examples/fused-cells/target/attento-example-fused-cells-0.1.0-SNAPSHOT.jar /tmp/fused/
//   java --add-modules=jdk.incubator.vector -XX:+UseSerialGC -cp cli/target/attento.jar \
//       bench/probes/FusedPathProbe.java /tmp/fused [ROUNDS] [STEPS] [lstm|gru] [fixed|attention]
import dev.attento.core.kernels.Kernels;
import dev.attento.core.optim.Adam;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.tasks.SymbolSequenceTask;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import dev.attento.seq2seq.train.BatchGradients;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

public class FusedPathProbe {

  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One model under training, with its own optimizer and its own pass over the same batches. */
  static final class Trainee {
    final String cell;
    final List<Tensor> params;
    final BatchGradients gradients;
    final Adam adam;
    final List<Batch> batches;
    int next;
    long cpuNanos;
    long steps;

    Trainee(String cell, boolean attention, Path plugins, Kernels kernels, List<Batch> batches) {
      this.cell = cell;
      ModelConfig config = new ModelConfig(cell, Map.of(), 36, 36, 64, 256, 1, false, false, 0f,
          attention ? "luong-general" : "none", attention, false, false);
      Translator model = Translators.build(config, 0, plugins);
      params = model.parameters().tensors();
      gradients = new BatchGradients(model, kernels);
      adam = Adam.adam(params, 1e-3, 0f);
      this.batches = batches;
    }

    void train(int n, boolean timed) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        Batch b = batches.get(next++ % batches.size());
        BatchGradients.Result r = gradients.compute(b, Randomness.create(0));
        GradientClipping.clipByGlobalNorm(params, r.gradients(), 1.0);
        adam.step(r.gradients());
      }
      if (timed) {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
        steps += n;
      }
    }

    double msPerStep() {
      double ms = cpuNanos / 1e6 / steps;
      cpuNanos = 0;
      steps = 0;
      return ms;
    }
  }

  public static void main(String[] a) {
    Path plugins = Path.of(a[0]);
    int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 8;
    int steps = a.length > 2 ? Integer.parseInt(a[2]) : 10;
    String cell = a.length > 3 ? a[3] : "lstm";
    boolean attention = a.length > 4 && a[4].equals("attention");
    Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.single());
    List<Batch> batches = BatchPlan.sequential(examples(64 * 100), 64);
    Trainee builtIn = new Trainee(cell, attention, plugins, kernels, batches);
    Trainee plugin = new Trainee("fused-" + cell, attention, plugins, kernels, batches);
    builtIn.train(15, false);
    plugin.train(15, false);
    System.out.printf("%s:%s, kernels %s, %d steps a block%n", cell, attention ? "attention" : "fixed",
        kernels.describe(), steps);
    System.out.printf("| round | built-in %s, CPU ms/step | fused-%s (plugin), CPU ms/step | speed plugin/built-in |%n",
        cell, cell);
    System.out.println("|---|---|---|---|");
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      Trainee first = r % 2 == 0 ? builtIn : plugin;
      Trainee second = first == builtIn ? plugin : builtIn;
      first.train(steps, true);
      second.train(steps, true);
      double b = builtIn.msPerStep();
      double p = plugin.msPerStep();
      ratios[r] = b / p;
      System.out.printf("| %d | %.1f | %.1f | %.3f |%n", r + 1, b, p, ratios[r]);
    }
    Arrays.sort(ratios);
    double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
    System.out.printf("| median | | | %.3f |%n", median);
    System.exit(0);
  }

  static List<Example> examples(int count) {
    SymbolSequenceTask task = SymbolSequenceTask.reverse(32, 5, 25);
    var tok = TokenizerSpec.parse("word").create();
    List<List<String>> symbols = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      symbols.add(List.of("s" + i));
    }
    Vocabulary v = Vocabulary.build(symbols, 1, 100);
    List<Example> out = new ArrayList<>();
    var pairs = task.generate(count, 1);
    for (int i = 0; i < pairs.size(); i++) {
      out.add(new Example(i, v.encode(tok.tokenize(pairs.get(i).source())), v.encode(tok.tokenize(pairs.get(i).target()))));
    }
    return out;
  }
}

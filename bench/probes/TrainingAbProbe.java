// Training speed of two setups side by side in ONE JVM: A and B are each a command-line jar and
// a cell (e.g. the built-in lstm against the fused-lstm plugin, or one build's lstm against
// another build's), each loaded in a class loader of its own, trained in alternating blocks of
// steps (A B, then B A, ...) so that a shared machine's load falls on both alike. Workload as
// `attento bench`: reversal task, hidden 256, embedding 64, batch 64, Adam, clipping 1, one thread.
// Prints per round the calling thread's CPU ms per step of each and the speed ratio B/A, then the
// median ratio.
//   java --add-modules=jdk.incubator.vector -XX:+UseSerialGC bench/probes/TrainingAbProbe.java \
//       A.jar CELL_A B.jar CELL_B PLUGIN_DIR|- [ROUNDS] [STEPS] [fixed|attention]
// bench/fused-vs-builtin.sh builds the jars and runs it for the fast-path plugins.
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;
import javax.tools.ToolProvider;

public class TrainingAbProbe {

  /** Compiled against A's jar and loaded beside each jar: trains n steps, returns the thread's CPU ns. */
  static final String TRAINEE = """
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
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Map;
      import java.util.function.LongUnaryOperator;

      public final class Trainee implements LongUnaryOperator {
        private final List<Tensor> params;
        private final BatchGradients gradients;
        private final Adam adam;
        private final List<Batch> batches = BatchPlan.sequential(examples(64 * 100), 64);
        private int next;

        public Trainee(String cell, String variant, String plugins) {
          boolean attention = variant.equals("attention");
          ModelConfig config = new ModelConfig(cell, Map.of(), 36, 36, 64, 256, 1, false, false, 0f,
              attention ? "luong-general" : "none", attention, false, false);
          Translator model = Translators.build(config, 0, plugins.equals("-") ? null : Path.of(plugins));
          params = model.parameters().tensors();
          gradients = new BatchGradients(model, Kernels.choose(Kernels.Choice.AUTO, WorkerPool.single()));
          adam = Adam.adam(params, 1e-3, 0f);
        }

        @Override
        public long applyAsLong(long steps) {
          long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          for (long i = 0; i < steps; i++) {
            BatchGradients.Result r = gradients.compute(batches.get(next++ % batches.size()), Randomness.create(0));
            GradientClipping.clipByGlobalNorm(params, r.gradients(), 1.0);
            adam.step(r.gradients());
          }
          return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        }

        private static List<Example> examples(int count) {
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
            out.add(new Example(i, v.encode(tok.tokenize(pairs.get(i).source())),
                v.encode(tok.tokenize(pairs.get(i).target()))));
          }
          return out;
        }
      }
      """;

  public static void main(String[] a) throws Exception {
    Path jarA = Path.of(a[0]);
    String cellA = a[1];
    Path jarB = Path.of(a[2]);
    String cellB = a[3];
    String plugins = a[4];
    int rounds = a.length > 5 ? Integer.parseInt(a[5]) : 16;
    int steps = a.length > 6 ? Integer.parseInt(a[6]) : 10;
    String variant = a.length > 7 ? a[7] : "fixed";
    Path work = Files.createTempDirectory("ab-probe");
    Path source = Files.writeString(work.resolve("Trainee.java"), TRAINEE);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(),
        "--add-modules=jdk.incubator.vector", "-cp", jarA.toString(), source.toString());
    if (rc != 0) {
      throw new IllegalStateException("the trainee does not compile against " + jarA);
    }
    LongUnaryOperator a1 = trainee(work, jarA, cellA, variant, plugins);
    LongUnaryOperator b1 = trainee(work, jarB, cellB, variant, plugins);
    a1.applyAsLong(15);   // warm-up
    b1.applyAsLong(15);
    System.out.printf("%s, 1 thread, %d steps a block; A = %s in %s, B = %s in %s%n", variant, steps, cellA,
        jarA.getFileName(), cellB, jarB.getFileName());
    System.out.println("| round | A: CPU ms/step | B: CPU ms/step | speed B/A |");
    System.out.println("|---|---|---|---|");
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long ta;
      long tb;
      if (r % 2 == 0) {
        ta = a1.applyAsLong(steps);
        tb = b1.applyAsLong(steps);
      } else {
        tb = b1.applyAsLong(steps);
        ta = a1.applyAsLong(steps);
      }
      ratios[r] = (double) ta / tb;
      System.out.printf("| %d | %.1f | %.1f | %.3f |%n", r + 1, ta / 1e6 / steps, tb / 1e6 / steps, ratios[r]);
    }
    Arrays.sort(ratios);
    double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
    System.out.printf("| median | | | %.3f |%n", median);
    System.exit(0);
  }

  /** A Trainee of {@code cell} in a class loader of its own over {@code jar}. */
  static LongUnaryOperator trainee(Path classes, Path jar, String cell, String variant, String plugins) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    return (LongUnaryOperator) loader.loadClass("Trainee").getConstructor(String.class, String.class, String.class)
        .newInstance(cell, variant, plugins);
  }
}

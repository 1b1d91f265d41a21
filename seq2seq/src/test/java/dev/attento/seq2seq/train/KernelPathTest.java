package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.BlockedGemm;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.kernels.ReferenceGemm;
import dev.attento.core.kernels.ScalarBlas1;
import dev.attento.core.kernels.ScalarNonlinear;
import dev.attento.core.kernels.VectorGemm;
import dev.attento.core.kernels.VectorNonlinear;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training gives the same losses whichever GEMM runs (reference, scalar blocked, Vector API on
 * one thread or sharing each product between two), to float tolerance: the kernels differ only in summation order. The
 * gate non-linearities give exactly the same losses scalar or vectorised, and before and
 * after the JIT has compiled them.
 */
class KernelPathTest {

  @TempDir
  Path dir;

  private List<Double> losses(Gemm gemm, String name) {
    return train(gemm, Kernels.detect().nonlinear(), name, 6).losses();
  }

  /** Every step's loss and the trained weights, bit for bit (float bits in a string). */
  private record Run(List<Double> losses, Map<String, String> weights) {}

  private Run train(Gemm gemm, Nonlinear nonlinear, String name, int steps) {
    Kernels kernels = new Kernels(gemm, nonlinear, new ScalarBlas1(), Kernels.Choice.REFERENCE, WorkerPool.single());
    ConfigTree c = TrainerTest.tiny(steps).set("model.hidden", "24").set("model.attention", "bahdanau");
    ExperimentConfig e = c.bind();
    TrainingData data = DataPreparation.prepare(e);
    TrainerTest.Losses l = new TrainerTest.Losses();
    ModelBundle model = data.newModel(e.model(), e.training().seed(), null);
    new Trainer(model, data, e.training(), kernels, dir.resolve(name), l).train();
    Map<String, String> weights = new TreeMap<>();
    model.translator().parameters().asMap().forEach((k, t) -> {
      StringBuilder b = new StringBuilder();
      for (float v : t.data()) {
        b.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ');
      }
      weights.put(k, b.toString());
    });
    return new Run(l.values, weights);
  }

  @Test
  void vectorisedAndScalarGateMathGiveExactlyTheSameLosses() {
    Run scalar = train(new ReferenceGemm(), new ScalarNonlinear(), "scalar-gates", 6);
    Run vector = train(new ReferenceGemm(), new VectorNonlinear(), "vector-gates", 6);
    assertEquals(scalar.losses(), vector.losses());
    assertEquals(scalar.weights(), vector.weights(), "trained weights, bit for bit");
  }

  @Test
  void everyKernelGivesTheSameLosses() {
    List<Double> reference = losses(new ReferenceGemm(), "reference");
    WorkerPool two = WorkerPool.create(2);
    for (Gemm g : new Gemm[] {new BlockedGemm(), new VectorGemm(), new VectorGemm(two)}) {
      List<Double> other = losses(g, g.name().replace(' ', '-'));
      for (int i = 0; i < reference.size(); i++) {
        assertEquals(reference.get(i), other.get(i), 1e-4 * Math.max(1, Math.abs(reference.get(i))),
            g.name() + " step " + (i + 1));
      }
    }
    two.close();
  }

  @Test
  void theSameLossesBeforeAndAfterTheJitHasCompiledTheGateKernels() throws Exception {
    // A fresh copy of the vectorised kernel class has no compiled code yet, so the first run
    // starts in the Vector API's Java fallback; then it runs until C2 has compiled it, and the
    // second run must give the same losses and weights, bit for bit. The Vector API's SVML
    // exp/tanh failed this.
    Nonlinear cold = freshCopyOf(VectorNonlinear.class);
    Run first = train(new ReferenceGemm(), cold, "cold", 12);
    float[] x = new float[1000];
    float[] y = new float[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i - 500) / 50f;
    }
    for (int rep = 0; rep < 30_000; rep++) {
      cold.sigmoid(x, 0, y, 0, x.length);
      cold.tanh(x, 0, y, 0, x.length);
    }
    Run second = train(new ReferenceGemm(), cold, "warm", 12);
    assertEquals(first.losses(), second.losses());
    assertEquals(first.weights().keySet(), second.weights().keySet());
    for (String name : first.weights().keySet()) {
      assertTrue(first.weights().get(name).equals(second.weights().get(name)), name + " differs in some bits");
    }
  }

  /** The kernel class loaded again by its own class loader, so none of its methods are compiled. */
  private static Nonlinear freshCopyOf(Class<? extends Nonlinear> kernel) throws Exception {
    ClassLoader parent = kernel.getClassLoader();
    String pkg = kernel.getPackageName() + ".";
    ClassLoader fresh = new ClassLoader(parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          boolean ours = name.startsWith(pkg) && name.contains("Nonlinear") && !name.equals(Nonlinear.class.getName());
          if (!ours) {
            return super.loadClass(name, resolve);
          }
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
              byte[] bytes = in.readAllBytes();
              c = defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
          return c;
        }
      }
    };
    Nonlinear copy = (Nonlinear) fresh.loadClass(kernel.getName()).getConstructor().newInstance();
    assertNotSame(kernel, copy.getClass());
    return copy;
  }
}

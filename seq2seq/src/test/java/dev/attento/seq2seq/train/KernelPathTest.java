package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attento.core.kernels.BlockedGemm;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.kernels.ScalarNonlinear;
import dev.attento.core.kernels.VectorNonlinear;
import dev.attento.core.kernels.ReferenceGemm;
import dev.attento.core.kernels.VectorGemm;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training gives the same losses whichever GEMM runs (reference, scalar blocked, Vector API on
 * one or two threads), to float tolerance: the kernels differ only in summation order.
 */
class KernelPathTest {

  @TempDir
  Path dir;

  private List<Double> losses(Gemm gemm, String name) {
    return losses(gemm, Kernels.nonlinear(), name);
  }

  private List<Double> losses(Gemm gemm, Nonlinear nonlinear, String name) {
    Gemm before = Kernels.gemm();
    Nonlinear beforeNl = Kernels.nonlinear();
    Kernels.use(gemm);
    Kernels.use(nonlinear);
    try {
      ExperimentConfig c = TrainerTest.tiny(6).set("model.hidden", "24").set("model.attention", "bahdanau");
      TrainingData data = DataPreparation.prepare(c);
      TrainerTest.Losses l = new TrainerTest.Losses();
      new Trainer(TrainedModel.create(c, data, null), data, TrainingOptions.from(c), dir.resolve(name), l).train();
      return l.values;
    } finally {
      Kernels.use(before);
      Kernels.use(beforeNl);
    }
  }

  @Test
  void vectorisedAndScalarGateMathGiveTheSameLosses() {
    List<Double> scalar = losses(new ReferenceGemm(), new ScalarNonlinear(), "scalar-gates");
    List<Double> vector = losses(new ReferenceGemm(), new VectorNonlinear(), "vector-gates");
    for (int i = 0; i < scalar.size(); i++) {
      assertEquals(scalar.get(i), vector.get(i), 1e-4 * Math.max(1, Math.abs(scalar.get(i))), "step " + (i + 1));
    }
  }

  @Test
  void everyKernelGivesTheSameLosses() {
    List<Double> reference = losses(new ReferenceGemm(), "reference");
    for (Gemm g : new Gemm[] {new BlockedGemm(), new VectorGemm(1), new VectorGemm(2)}) {
      List<Double> other = losses(g, g.name().replace(' ', '-'));
      for (int i = 0; i < reference.size(); i++) {
        assertEquals(reference.get(i), other.get(i), 1e-4 * Math.max(1, Math.abs(reference.get(i))),
            g.name() + " step " + (i + 1));
      }
    }
  }
}

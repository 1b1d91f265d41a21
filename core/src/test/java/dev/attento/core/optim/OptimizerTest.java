package dev.attento.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimizerTest {

  private static final float[] TARGET = {1f, -2f, 0.5f};

  /** grad = 2(w - target), the gradient of ||w - target||². */
  private static Gradients quadraticGradient(Tensor w) {
    float[] g = new float[w.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = 2 * (w.data()[i] - TARGET[i]);
    }
    return gradient(w, g);
  }

  /** Gradients holding {@code g} for {@code p} (a tape watching p, seeded at p itself). */
  private static Gradients gradient(Tensor p, float... g) {
    return Tape.watching(p).backward(p, g, new Gradients());
  }

  /** Gradients for several parameters at once. */
  private static Gradients gradients(Tensor a, float[] ga, Tensor b, float[] gb) {
    Gradients g = gradient(a, ga);
    g.add(gradient(b, gb));
    return g;
  }

  private static void assertConverges(Function<List<Tensor>, Optimizer> make, int steps) {
    Tensor w = Tensor.zeros(3);
    Optimizer opt = make.apply(List.of(w));
    for (int i = 0; i < steps; i++) {
      opt.step(quadraticGradient(w));
    }
    assertArrayEquals(TARGET, w.data(), 1e-2f);
  }

  @Test
  void everyOptimizerMinimisesAQuadratic() {
    assertConverges(ps -> new Sgd(ps, 0.1, 0f, false, 0f), 200);
    assertConverges(ps -> new Sgd(ps, 0.05, 0.9f, false, 0f), 300);
    assertConverges(ps -> new Sgd(ps, 0.05, 0.9f, true, 0f), 300);
    assertConverges(ps -> Adam.adam(ps, 0.05, 0f), 1000);
    assertConverges(ps -> Adam.adamW(ps, 0.05, 0f), 1000);
  }

  @Test
  void adamsFirstStepIsLearningRateTimesSign() {
    Tensor w = Tensor.zeros(2);
    Adam.adam(List.of(w), 0.01, 0f).step(gradient(w, 123f, -0.001f));
    assertArrayEquals(new float[] {-0.01f, 0.01f}, w.data(), 1e-5f);
  }

  @Test
  void adamWDecaysWeightsEvenWithZeroGradient() {
    Tensor w = Tensor.of(new float[] {2f}, 1);
    Adam.adamW(List.of(w), 0.1, 0.5f).step(gradient(w, 0f));
    assertEquals(2f - 0.1f * 0.5f * 2f, w.data()[0], 1e-6f);
  }

  @Test
  void momentumMatchesHandComputation() {
    Tensor w = Tensor.zeros(1);
    Sgd sgd = new Sgd(List.of(w), 0.1, 0.5f, false, 0f);
    float[] expected = {-0.1f, -0.25f, -0.425f}; // v = 1, 1.5, 1.75 with g = 1
    for (float e : expected) {
      sgd.step(gradient(w, 1f));
      assertEquals(e, w.data()[0], 1e-6f);
    }
  }

  @Test
  void stateRoundTripContinuesBitForBit() {
    Tensor a = Tensor.zeros(3);
    Optimizer straight = Adam.adam(List.of(a), 0.05, 0.01f);
    for (int i = 0; i < 10; i++) {
      straight.step(quadraticGradient(a));
    }
    Tensor b = Tensor.zeros(3);
    Optimizer first = Adam.adam(List.of(b), 0.05, 0.01f);
    for (int i = 0; i < 5; i++) {
      first.step(quadraticGradient(b));
    }
    Optimizer resumed = Adam.adam(List.of(b), 0.9, 0.01f);
    resumed.loadState(first.state());
    assertEquals(0.05, resumed.learningRate(), 1e-9);
    for (int i = 0; i < 5; i++) {
      resumed.step(quadraticGradient(b));
    }
    assertArrayEquals(a.data(), b.data());
  }

  @Test
  void mismatchedStateIsRejected() {
    Tensor a = Tensor.zeros(3);
    Tensor other = Tensor.zeros(4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Adam.adam(List.of(other), 0.1, 0f).loadState(Adam.adam(List.of(a), 0.1, 0f).state()));
    assertTrue(e.getMessage().contains("adam.m.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Sgd(List.of(a), 0.1, 0f, false, 0f).loadState(Adam.adam(List.of(a), 0.1, 0f).state()));
  }

  @Test
  void clippingReturnsThePreClipNormAndRescales() {
    Tensor a = Tensor.zeros(2);
    Tensor b = Tensor.zeros(1);
    Gradients g = gradients(a, new float[] {3f, 0f}, b, new float[] {4f});
    double norm = GradientClipping.clipByGlobalNorm(List.of(a, b), g, 1.0);
    assertEquals(5.0, norm, 1e-9);
    assertEquals(1.0, GradientClipping.globalNorm(List.of(a, b), g), 1e-5);
    assertEquals(0.6f, g.get(a)[0], 1e-5f);
    GradientClipping.clipByValue(List.of(a, b), g, 0.7f);
    assertEquals(0.7f, g.get(b)[0], 1e-6f);
    g.get(b)[0] = Float.NaN;
    assertTrue(Double.isNaN(GradientClipping.clipByGlobalNorm(List.of(a, b), g, 1.0)));
  }

  @Test
  void aParameterWithoutGradientIsLeftAlone() {
    Tensor used = Tensor.zeros(1);
    Tensor unused = Tensor.of(new float[] {3f}, 1);
    for (Optimizer opt : List.of(new Sgd(List.of(used, unused), 0.1, 0.9f, false, 0.1f),
        Adam.adamW(List.of(used, unused), 0.1, 0.5f))) {
      opt.step(gradient(used, 1f));
      assertEquals(3f, unused.data()[0], "no gradient, no update (not even weight decay)");
      assertTrue(used.data()[0] < 0f);
    }
    assertEquals(0.0, GradientClipping.globalNorm(List.of(unused), gradient(used, 1f)));
  }

  @Test
  void schedulesGiveTheDocumentedRates() {
    assertEquals(0.1, Schedules.parse("constant", 0.1).rate(500), 1e-12);
    LearningRateSchedule step = Schedules.parse("step:10:0.5", 1.0);
    assertEquals(1.0, step.rate(10), 1e-12);
    assertEquals(0.5, step.rate(11), 1e-12);
    assertEquals(0.25, step.rate(21), 1e-12);
    LearningRateSchedule warm = Schedules.parse("warmup:4+step:10:0.5", 1.0);
    assertEquals(0.25, warm.rate(1), 1e-12);
    assertEquals(1.0, warm.rate(4), 1e-12);
    LearningRateSchedule plateau = Schedules.parse("plateau:1:0.5", 1.0);
    plateau.onEvaluation(3);
    plateau.onEvaluation(3);
    assertEquals(1.0, plateau.rate(1), 1e-12);
    plateau.onEvaluation(4);
    assertEquals(0.5, plateau.rate(1), 1e-12);
    LearningRateSchedule copy = Schedules.parse("plateau:1:0.5", 1.0);
    copy.restore(plateau.state());
    assertEquals(0.5, copy.rate(1), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Schedules.parse("cosine", 1.0));
  }
}

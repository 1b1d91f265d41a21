package dev.attento.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself must catch wrong gradients, or every op test is worthless. */
class GradCheckTest {

  /** y = x², with a backward that is off by the given factor. */
  private static Tensor square(Tensor x, float backwardFactor) {
    float[] in = x.data();
    float[] y = new float[in.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = in[i] * in[i];
    }
    return Autodiff.record("square", Tensor.of(y, x.shape()), g -> {
      float[] gx = x.gradBuffer();
      for (int i = 0; i < g.length; i++) {
        gx[i] += backwardFactor * 2 * in[i] * g[i];
      }
    }, x);
  }

  @Test
  void acceptsACorrectGradient() {
    Tensor x = TestTensors.param(1, 3, 4);
    assertTrue(GradCheck.check("square", in -> square(in.get(0), 1f), List.of(x), GradCheck.Options.defaults()).passed());
  }

  @Test
  void rejectsAGradientOffBySmallFactor() {
    Tensor x = TestTensors.param(1, 3, 4);
    GradCheck.Report report = GradCheck.check("square", in -> square(in.get(0), 1.1f), List.of(x),
        GradCheck.Options.defaults());
    assertFalse(report.passed());
    AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
    assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
  }

  @Test
  void rejectsAMissingAccumulation() {
    // An op that overwrites instead of accumulating loses the gradient of the first use.
    Tensor x = TestTensors.param(2, 4);
    GradCheck.Report report = GradCheck.check("overwrite", in -> {
      Tensor a = in.get(0);
      Tensor out = Autodiff.record("twice", Tensor.of(new float[] {a.data()[0] * 2}, 1), g -> {
        a.gradBuffer()[0] = g[0] * 2; // wrong: '=' instead of '+='
      }, a);
      return dev.attento.core.ops.Arithmetic.add(out, dev.attento.core.ops.Shaping.slice(a, 0, 0, 1));
    }, List.of(x), GradCheck.Options.defaults());
    assertFalse(report.passed(), report.describe());
  }

  @Test
  void refusesAnOutputWithoutGraph() {
    Tensor x = TestTensors.random(3, 2);
    assertThrows(IllegalArgumentException.class,
        () -> GradCheck.check("const", in -> in.get(0), List.of(x), GradCheck.Options.defaults()));
  }
}

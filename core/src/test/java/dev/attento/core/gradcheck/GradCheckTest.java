package dev.attento.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself must catch wrong gradients, or every op test is worthless. */
class GradCheckTest {

  /** y = x², with a backward that is off by the given factor. */
  private static Tensor square(Forward fwd, Tensor x, float backwardFactor) {
    float[] in = x.data();
    float[] y = new float[in.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = in[i] * in[i];
    }
    return fwd.record("square", Tensor.of(y, x.shape()), (g, into) -> {
      float[] gx = into.of(x);
      for (int i = 0; i < g.length; i++) {
        gx[i] += backwardFactor * 2 * in[i] * g[i];
      }
    }, x);
  }

  @Test
  void acceptsACorrectGradient() {
    Tensor x = TestTensors.param(1, 3, 4);
    assertTrue(GradCheck.check("square", (f, in) -> square(f, in.get(0), 1f), List.of(x), GradCheck.Options.defaults()).passed());
  }

  @Test
  void rejectsAGradientOffBySmallFactor() {
    Tensor x = TestTensors.param(1, 3, 4);
    GradCheck.Report report = GradCheck.check("square", (f, in) -> square(f, in.get(0), 1.1f), List.of(x),
        GradCheck.Options.defaults());
    assertFalse(report.passed());
    AssertionError e = assertThrows(AssertionError.class, report::assertPassed);
    assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
  }

  @Test
  void rejectsAMissingAccumulation() {
    // An op that overwrites instead of accumulating loses the gradient of the first use.
    Tensor x = TestTensors.param(2, 4);
    GradCheck.Report report = GradCheck.check("overwrite", (f, in) -> {
      Tensor a = in.get(0);
      Tensor out = f.record("twice", Tensor.of(new float[] {a.data()[0] * 2}, 1), (g, into) -> {
        into.of(a)[0] = g[0] * 2; // wrong: '=' instead of '+='
      }, a);
      return Arithmetic.add(f, out, Shaping.slice(f, a, 0, 0, 1));
    }, List.of(x), GradCheck.Options.defaults());
    assertFalse(report.passed(), report.describe());
  }

  @Test
  void checksEveryInputIncludingOnesTheBackwardForgets() {
    // y = a + b with a backward that sends nothing to b: b's gradient reads as zero and must fail.
    Tensor a = TestTensors.param(4, 3);
    Tensor b = TestTensors.param(5, 3);
    GradCheck.Report report = GradCheck.check("forgetful add", (f, in) -> {
      Tensor x = in.get(0);
      Tensor y = in.get(1);
      float[] sum = new float[3];
      for (int i = 0; i < 3; i++) {
        sum[i] = x.data()[i] + y.data()[i];
      }
      return f.record("add", Tensor.of(sum, 3), (g, into) -> {
        float[] gx = into.of(x);
        for (int i = 0; i < 3; i++) {
          gx[i] += g[i];
        }
      }, x, y);
    }, List.of(a, b), GradCheck.Options.defaults());
    assertTrue(report.inputs().get(0).passed(), report.describe());
    assertFalse(report.inputs().get(1).passed(), report.describe());
  }

  @Test
  void refusesAnOutputWithoutGraph() {
    Tensor x = TestTensors.random(3, 2);
    assertThrows(IllegalArgumentException.class,
        () -> GradCheck.check("const", (f, in) -> Tensor.zeros(3, 2), List.of(x), GradCheck.Options.defaults()));
  }
}

package dev.attento.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Reductions;
import dev.attento.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutodiffTest {

  @Test
  void gradientsOfASmallExpressionAreExact() {
    // L = sum(a*b + a) → ∂L/∂a = b + 1, ∂L/∂b = a
    Tensor a = Tensor.parameter(new float[] {1, 2, 3}, 3);
    Tensor b = Tensor.parameter(new float[] {4, 5, 6}, 3);
    Reductions.sum(Arithmetic.add(Arithmetic.mul(a, b), a)).backward();
    assertArrayEquals(new float[] {5, 6, 7}, a.grad());
    assertArrayEquals(new float[] {1, 2, 3}, b.grad());
  }

  @Test
  void gradientsAccumulateAcrossBackwardCalls() {
    Tensor a = Tensor.parameter(new float[] {2}, 1);
    Reductions.sum(Arithmetic.scale(a, 3f)).backward();
    Reductions.sum(Arithmetic.scale(a, 3f)).backward();
    assertArrayEquals(new float[] {6}, a.grad());
    a.zeroGrad();
    assertArrayEquals(new float[] {0}, a.grad());
  }

  @Test
  void noGradRecordsNothing() {
    Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
    Tensor y;
    try (Autodiff.NoGrad ignored = Autodiff.noGrad()) {
      y = Activations.tanh(a);
      assertFalse(Autodiff.isRecording());
    }
    assertTrue(Autodiff.isRecording());
    assertFalse(y.requiresGrad());
    assertNull(y.node());
  }

  @Test
  void detachStopsTheGradient() {
    Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
    Tensor b = Tensor.parameter(new float[] {3, 4}, 2);
    Tensor loss = Reductions.sum(Arithmetic.mul(Arithmetic.scale(a, 2f).detach(), b));
    loss.backward();
    assertNull(a.grad());
    assertArrayEquals(new float[] {2, 4}, b.grad());
  }

  @Test
  void intermediateGradientsAreReleasedLeavesKept() {
    Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
    Tensor mid = Activations.tanh(a);
    Reductions.sum(mid).backward();
    assertNull(mid.grad(), "intermediate gradient should be freed after use");
    assertEquals(2, a.grad().length);
  }

  @Test
  void backwardNeedsAScalar() {
    Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.tanh(a).backward());
    assertTrue(e.getMessage().contains("[2]"), e.getMessage());
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Tensor x = Tensor.parameter(new float[] {0.5f}, 1);
    Tensor y = x;
    for (int i = 0; i < 50_000; i++) {
      y = Arithmetic.addScalar(y, 0f);
    }
    Reductions.sum(y).backward();
    assertArrayEquals(new float[] {1f}, x.grad());
  }
}

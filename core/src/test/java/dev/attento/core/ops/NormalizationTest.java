package dev.attento.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The values of the statistics and element-wise ops, against hand-computed ones. */
class NormalizationTest {

  private final Forward fwd = Forward.inference();

  @Test
  void meanAndVarianceAreTakenPerRow() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 2, 2, 2, 2}, 2, 4);
    assertArrayEquals(new float[] {2.5f, 2f}, Normalization.mean(fwd, x).data());
    assertArrayEquals(new float[] {1.25f, 0f}, Normalization.variance(fwd, x).data());
    assertArrayEquals(new int[] {2}, Normalization.variance(fwd, x).shape());
  }

  @Test
  void layerNormGivesZeroMeanUnitVarianceThenGainAndBias() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 4);
    Tensor y = Normalization.layerNorm(fwd, x, Tensor.of(new float[] {2, 2, 2, 2}, 4), Tensor.of(new float[] {1, 1, 1, 1}, 4), 0f);
    float s = (float) (1 / Math.sqrt(1.25));
    assertArrayEquals(new float[] {1 - 3 * s, 1 - s, 1 + s, 1 + 3 * s}, y.data(), 1e-6f);
  }

  @Test
  void elementwiseOpsComputeWhatTheySay() {
    Tensor x = Tensor.of(new float[] {0.25f, 4f, -2f}, 3);
    assertArrayEquals(new float[] {0.5f, 2f}, Elementwise.sqrt(fwd, Tensor.of(new float[] {0.25f, 4f}, 2)).data());
    assertArrayEquals(new float[] {2f, 0.5f}, Elementwise.rsqrt(fwd, Tensor.of(new float[] {0.25f, 4f}, 2)).data());
    assertArrayEquals(new float[] {0.25f, 1f, -1f}, Elementwise.clamp(fwd, x, -1f, 1f).data());
    Tensor zero = Tensor.scalar(0f);
    assertArrayEquals(new float[] {0f, 0f, -2f}, Elementwise.minimum(fwd, x, zero).data());
    assertArrayEquals(new float[] {0.25f, 4f, 0f}, Elementwise.maximum(fwd, x, zero).data());
  }

  @Test
  void badArgumentsNameTheOp() {
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);
    assertEquals("clamp: lower bound 1.0 is above the upper bound -1.0",
        assertThrows(IllegalArgumentException.class, () -> Elementwise.clamp(fwd, x, 1f, -1f)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Normalization.layerNorm(fwd, x, Tensor.of(new float[] {1, 1}, 2), null, 1e-5f));
  }
}

package dev.attento.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitializersTest {

  private static double[] meanAndVariance(float[] d) {
    double s = 0;
    double sq = 0;
    for (float v : d) {
      s += v;
      sq += (double) v * v;
    }
    double mean = s / d.length;
    return new double[] {mean, sq / d.length - mean * mean};
  }

  private static Tensor filled(String name, int... shape) {
    Tensor t = Tensor.zeros(shape);
    Initializers.byName(name).fill(t, Randomness.create(5));
    return t;
  }

  @Test
  void constantsAndUniformBounds() {
    assertArrayEquals(new float[] {0, 0, 0}, filled("zeros", 3).data());
    assertArrayEquals(new float[] {1.5f, 1.5f}, filled("constant:1.5", 2).data());
    Tensor u = filled("uniform:0.1", 100, 100);
    for (float v : u.data()) {
      assertTrue(Math.abs(v) <= 0.1f);
    }
    assertEquals(0.01 / 3, meanAndVariance(u.data())[1], 2e-4);
  }

  @Test
  void varianceScalingInitialisersHitTheirTargetVariance() {
    // [out=200, in=300]: Xavier var = 2/(in+out) = 0.004, He var = 2/in
    assertEquals(2.0 / 500, meanAndVariance(filled("xavier_uniform", 200, 300).data())[1], 2e-4);
    assertEquals(2.0 / 500, meanAndVariance(filled("xavier_normal", 200, 300).data())[1], 2e-4);
    assertEquals(2.0 / 300, meanAndVariance(filled("he_uniform", 200, 300).data())[1], 3e-4);
    assertEquals(2.0 / 300, meanAndVariance(filled("he_normal", 200, 300).data())[1], 3e-4);
    assertEquals(0.0004, meanAndVariance(filled("normal:0.02", 200, 300).data())[1], 2e-5);
    assertEquals(0, meanAndVariance(filled("normal:0.02", 200, 300).data())[0], 1e-3);
  }

  @Test
  void orthogonalBlocksAreOrthonormal() {
    int h = 16;
    Tensor w = filled("orthogonal", 4 * h, h);
    for (int block = 0; block < 4; block++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < h; j++) {
          double dot = 0;
          for (int k = 0; k < h; k++) {
            dot += w.get(block * h + k, i) * w.get(block * h + k, j);
          }
          assertEquals(i == j ? 1 : 0, dot, 1e-5, "block " + block + " QᵀQ[" + i + "," + j + "]");
        }
      }
    }
  }

  @Test
  void nonSquareOrthogonalHasOrthonormalRows() {
    Tensor w = filled("orthogonal:2.0", 3, 7);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int k = 0; k < 7; k++) {
          dot += w.get(i, k) * w.get(j, k);
        }
        assertEquals(i == j ? 4 : 0, dot, 1e-5);
      }
    }
  }

  @Test
  void identityPerBlockAndDeterminism() {
    Tensor id = filled("identity:0.5", 4, 2);
    assertArrayEquals(new float[] {0.5f, 0, 0, 0.5f, 0.5f, 0, 0, 0.5f}, id.data());
    assertArrayEquals(filled("xavier_uniform", 5, 5).data(), filled("xavier_uniform", 5, 5).data());
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.byName("xavier"));
    assertTrue(e.getMessage().contains("xavier_uniform") && e.getMessage().contains("orthogonal"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Initializers.byName("uniform"));
    assertThrows(IllegalArgumentException.class, () -> Initializers.byName("uniform:abc"));
  }
}

package dev.attento.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {

  /** Gradients holding {@code g} for {@code p}: a tape watching p, seeded at p itself. */
  private static Gradients of(Tensor p, float... g) {
    return Tape.watching(p).backward(p, g, new Gradients());
  }

  @Test
  void addSumsParameterByParameterAndKeepsFirstArrivalOrder() {
    Tensor a = Tensor.zeros(2);
    Tensor b = Tensor.zeros(1);
    Tensor c = Tensor.zeros(3);
    Gradients sum = of(b, 5f);
    Gradients other = of(c, 1, 2, 3);
    other.add(of(a, 7, 8));
    sum.add(other);
    sum.add(of(a, 0.5f, 0.25f));
    assertEquals(List.of(b, c, a), sum.parameters());
    assertArrayEquals(new float[] {5}, sum.get(b));
    assertArrayEquals(new float[] {1, 2, 3}, sum.get(c));
    assertArrayEquals(new float[] {7.5f, 8.25f}, sum.get(a));
    assertArrayEquals(new float[] {7, 8}, other.get(a), "the added gradients are not changed");
    assertThrows(UnsupportedOperationException.class, () -> sum.parameters().add(a));
  }

  @Test
  void clearZeroesEveryBufferButKeepsThem() {
    Tensor a = Tensor.zeros(2);
    Gradients g = of(a, 3, 4);
    float[] buffer = g.get(a);
    g.clear();
    assertSame(buffer, g.get(a));
    assertArrayEquals(new float[] {0, 0}, g.get(a));
    assertEquals(List.of(a), g.parameters());
  }

  @Test
  void tensorIsACopyOfTheParametersShapeAndZerosWhenAbsent() {
    Tensor a = Tensor.zeros(2, 2);
    Tensor absent = Tensor.zeros(3, 1);
    Gradients g = of(a, 1, 2, 3, 4);
    assertNull(g.get(absent));
    Tensor zeros = g.tensor(absent);
    assertArrayEquals(new int[] {3, 1}, zeros.shape());
    assertArrayEquals(new float[3], zeros.data());
    Tensor ga = g.tensor(a);
    assertArrayEquals(new int[] {2, 2}, ga.shape());
    assertArrayEquals(new float[] {1, 2, 3, 4}, ga.data());
    assertNotSame(g.get(a), ga.data());
    assertNull(g.get(absent), "asking for the tensor does not add a gradient");
  }
}

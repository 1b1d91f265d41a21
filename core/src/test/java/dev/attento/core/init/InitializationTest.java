package dev.attento.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.attento.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitializationTest {

  private static final Initializer XAVIER = Initializers.byName("xavier_uniform");

  @Test
  void aWeightDependsOnTheSeedAndItsFullNameOnly() {
    Initialization model = new Initialization(7);
    Tensor w = model.scope("encoder").parameter("embedding", XAVIER, 5, 4);
    // Built in another order, with other parameters drawn first: the same weight.
    Initialization again = new Initialization(7);
    again.scope("decoder").parameter("embedding", XAVIER, 5, 4);
    again.scope("encoder").parameter("other", XAVIER, 3, 3);
    assertArrayEquals(w.data(), again.scope("encoder").parameter("embedding", XAVIER, 5, 4).data(), 0f);
    assertFalse(Arrays.equals(w.data(), again.scope("decoder").parameter("embedding", XAVIER, 5, 4).data()));
    assertFalse(Arrays.equals(w.data(), new Initialization(8).scope("encoder").parameter("embedding", XAVIER, 5, 4)
        .data()));
    assertArrayEquals(new int[] {5, 4}, w.shape());
  }

  @Test
  void scopesPrefixNamesWithDots() {
    Initialization attention = new Initialization(1).scope("decoder").scope("attention");
    assertEquals("decoder.attention.W_a", attention.fullName("W_a"));
    assertEquals(1, attention.seed());
    assertEquals(new Initialization(1).random("decoder.attention.W_a").nextLong(), attention.random("W_a").nextLong());
  }

  @Test
  void forLoadingMakesEveryParameterWithItsShapeButDrawsNothing() {
    Initialization loading = Initialization.forLoading(7).scope("encoder");
    Tensor w = loading.parameter("embedding", XAVIER, 5, 4);
    assertArrayEquals(new int[] {5, 4}, w.shape());
    assertArrayEquals(new float[20], w.data(), 0f);
    assertFalse(loading.drawsWeights(), "a scope keeps the mode");
    assertEquals(true, new Initialization(7).scope("encoder").drawsWeights());
    // The generators are the same either way: a component that draws its own weights may ask.
    assertEquals(new Initialization(7).random("encoder.layer0").nextLong(), loading.random("layer0").nextLong());
  }
}

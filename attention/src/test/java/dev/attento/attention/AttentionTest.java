package dev.attento.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.gradcheck.GradCheck;
import dev.attento.core.init.Initialization;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttentionTest {

  private static final int Q = 4;
  private static final int K = 4;

  /** Values are computed in an unrecorded pass unless a test records its own. */
  private static final Forward F = Forward.inference();

  static Stream<String> mechanisms() {
    return AttentionMechanisms.all().stream().map(AttentionFactory::name);
  }

  private static Tensor random(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    Tensor t = Tensor.zeros(shape);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return t;
  }

  private static Attention make(String name) {
    return AttentionMechanisms.byName(name).create(Q, K, new Initialization(3).scope("attention"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mechanisms")
  void gradientsOfQueryStatesAndParameters(String name) {
    Attention attention = make(name);
    Tensor states = random(1, 2, 4, K);
    Tensor query = random(2, 2, Q);
    Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
    List<Tensor> inputs = new ArrayList<>(List.of(query, states));
    inputs.addAll(attention.parameters().values());
    GradCheck.check(name, (f, in) -> {
      Attention.Result r = attention.attend(f, in.get(0), attention.prepare(f, in.get(1), mask));
      return Shaping.concat(f, 1, r.context(), r.weights());
    }, inputs, GradCheck.Options.defaults()).assertPassed();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mechanisms")
  void resultDoesNotDependOnHowMuchPaddingThereIs(String name) {
    Attention attention = make(name);
    Tensor states = random(5, 2, 3, K);
    Tensor query = random(6, 2, Q);
    Tensor mask = Tensor.of(new float[] {1, 1, 0, 1, 1, 1}, 2, 3);
    Attention.Result plain = attention.attend(F, query, attention.prepare(F, states, mask));
    // Append 7 more padded positions filled with large garbage values.
    Tensor padStates = Shaping.concat(F, 1, states, Tensor.full(1e3f, 2, 7, K));
    float[] m = new float[2 * 10];
    System.arraycopy(new float[] {1, 1, 0}, 0, m, 0, 3);
    System.arraycopy(new float[] {1, 1, 1}, 0, m, 10, 3);
    Attention.Result padded = attention.attend(F, query, attention.prepare(F, padStates, Tensor.of(m, 2, 10)));
    assertArrayEquals(plain.context().data(), padded.context().data(), 1e-6f);
    for (int b = 0; b < 2; b++) {
      for (int s = 0; s < 10; s++) {
        float w = padded.weights().get(b, s);
        if (m[b * 10 + s] == 0f) {
          assertEquals(0f, w, "padding weight must be exactly zero at " + b + "," + s);
        } else {
          assertEquals(plain.weights().get(b, s), w, 1e-6f);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mechanisms")
  void weightsSumToOneOverRealTokens(String name) {
    Attention.Result r = make(name).attend(F, random(7, 3, Q),
        make(name).prepare(F, random(8, 3, 5, K), Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0}, 3, 5)));
    for (int b = 0; b < 3; b++) {
      float sum = 0;
      for (int s = 0; s < 5; s++) {
        sum += r.weights().get(b, s);
      }
      assertEquals(1f, sum, 1e-6f);
    }
    assertEquals(1f, r.weights().get(2, 0), 1e-6f, "a one-token source gets all the weight");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mechanisms")
  void initialWeightsDependOnTheSeedAndTheScopeOnly(String name) {
    AttentionFactory factory = AttentionMechanisms.byName(name);
    Attention a = factory.create(Q, K, new Initialization(3).scope("decoder").scope("attention"));
    Attention same = factory.create(Q, K, new Initialization(3).scope("decoder").scope("attention"));
    Attention otherScope = factory.create(Q, K, new Initialization(3).scope("other"));
    Attention otherSeed = factory.create(Q, K, new Initialization(4).scope("decoder").scope("attention"));
    assertEquals(a.parameters().keySet(), same.parameters().keySet());
    for (var e : a.parameters().entrySet()) {
      float[] w = e.getValue().data();
      assertArrayEquals(w, same.parameters().get(e.getKey()).data(), 0f, e.getKey());
      assertFalse(java.util.Arrays.equals(w, otherScope.parameters().get(e.getKey()).data()), e.getKey());
      assertFalse(java.util.Arrays.equals(w, otherSeed.parameters().get(e.getKey()).data()), e.getKey());
    }
  }

  @org.junit.jupiter.api.Test
  void dotAttentionMatchesAHandComputation() {
    Attention dot = new LuongDotAttention(2, 2, false);
    Tensor states = Tensor.of(new float[] {1, 0, 0, 1}, 1, 2, 2);
    Attention.Result r = dot.attend(F, Tensor.of(new float[] {2, 0}, 1, 2),
        dot.prepare(F, states, Tensor.of(new float[] {1, 1}, 1, 2)));
    float w0 = (float) (Math.exp(2) / (Math.exp(2) + 1));
    assertArrayEquals(new float[] {w0, 1 - w0}, r.weights().data(), 1e-6f);
    assertArrayEquals(new float[] {w0, 1 - w0}, r.context().data(), 1e-6f);
  }

  @org.junit.jupiter.api.Test
  void shapeErrorsNameTheShapes() {
    Attention general = make("luong-general");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> general.prepare(F, Tensor.zeros(2, 3, 5), Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("[2, 3, 5]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LuongDotAttention(4, 8, false));
    assertTrue(e.getMessage().contains("luong-general"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AttentionMechanisms.byName("bahdanu"));
    assertTrue(e.getMessage().contains("bahdanau, luong-concat, luong-dot, luong-general, scaled-dot"), e.getMessage());
  }
}

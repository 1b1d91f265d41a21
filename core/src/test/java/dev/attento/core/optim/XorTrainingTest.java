package dev.attento.core.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Tape;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.CrossEntropy;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end with the core alone: a 2-layer MLP learns XOR with each optimizer. */
class XorTrainingTest {

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "momentum", "adam", "adamw"})
  void mlpLearnsXor(String kind) {
    UniformRandomProvider r = Randomness.create(11);
    Tensor w1 = Tensor.zeros(8, 2);
    Tensor b1 = Tensor.zeros(8);
    Tensor w2 = Tensor.zeros(2, 8);
    Tensor b2 = Tensor.zeros(2);
    Initializers.xavierUniform(1).fill(w1, r);
    Initializers.xavierUniform(1).fill(w2, r);
    List<Tensor> params = List.of(w1, b1, w2, b2);
    Function<List<Tensor>, Optimizer> make = switch (kind) {
      case "sgd" -> ps -> new Sgd(ps, 0.5, 0f, false, 0f);
      case "momentum" -> ps -> new Sgd(ps, 0.1, 0.9f, false, 0f);
      case "adam" -> ps -> Adam.adam(ps, 0.05, 0f);
      default -> ps -> Adam.adamW(ps, 0.05, 1e-4f);
    };
    Optimizer opt = make.apply(params);
    Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    int[] y = {0, 1, 1, 0};
    float first = 0;
    float last = 0;
    for (int step = 0; step < 400; step++) {
      Tape tape = Tape.watching(params);
      Forward f = Forward.recording(tape);
      Tensor logits = Linear.linear(f, Activations.tanh(f, Linear.linear(f, x, w1, b1)), w2, b2);
      Tensor loss = CrossEntropy.crossEntropy(f, logits, y, -1);
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
      opt.step(tape.backward(loss));
    }
    assertTrue(first > 0.5f, "XOR starts near chance, loss " + first);
    assertTrue(last < 0.05f, kind + " should learn XOR: loss " + first + " -> " + last);
  }
}

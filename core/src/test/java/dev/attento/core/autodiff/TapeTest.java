package dev.attento.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Activations;
import dev.attento.core.ops.Arithmetic;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Linear;
import dev.attento.core.ops.Reductions;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TapeTest {

  private static Forward recording(Tape tape) {
    return Forward.recording(tape, Kernels.detect());
  }

  @Test
  void gradientsOfASmallExpressionAreExact() {
    // L = sum(a*b + a) → ∂L/∂a = b + 1, ∂L/∂b = a
    Tensor a = Tensor.of(new float[] {1, 2, 3}, 3);
    Tensor b = Tensor.of(new float[] {4, 5, 6}, 3);
    Tape tape = Tape.watching(a, b);
    Forward f = recording(tape);
    Gradients g = tape.backward(Reductions.sum(f, Arithmetic.add(f, Arithmetic.mul(f, a, b), a)));
    assertArrayEquals(new float[] {5, 6, 7}, g.get(a));
    assertArrayEquals(new float[] {1, 2, 3}, g.get(b));
    assertEquals(2, g.parameters().size());
  }

  @Test
  void backwardReturnsGradientsOfWatchedLeavesOnly() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {3, 4}, 2);
    Tape tape = Tape.watching(a);
    Forward f = recording(tape);
    Tensor mid = Activations.tanh(f, a);
    Gradients g = tape.backward(Reductions.sum(f, Arithmetic.mul(f, mid, b)));
    assertNull(g.get(b), "b is not watched");
    assertNull(g.get(mid), "intermediate results keep no gradient");
    assertEquals(1, g.parameters().size());
    assertSame(a, g.parameters().get(0));
    for (int i = 0; i < 2; i++) {
      double t = Math.tanh(a.data()[i]);
      assertEquals((1 - t * t) * b.data()[i], g.get(a)[i], 1e-6);
    }
  }

  @Test
  void opsOnUntrackedInputsRecordNothing() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {3, 4}, 2);
    Tape tape = Tape.watching(a);
    Forward f = recording(tape);
    Tensor y = Arithmetic.mul(f, Activations.tanh(f, b), b);
    assertEquals(0, tape.size());
    assertFalse(tape.tracks(y));
    Tensor z = Arithmetic.add(f, y, a);
    assertEquals(1, tape.size());
    assertTrue(tape.tracks(z));
    assertTrue(tape.watches(a));
    assertFalse(tape.watches(z));
  }

  @Test
  void anInferencePassRecordsNothing() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Forward f = Forward.inference();
    assertNull(f.tape());
    assertFalse(f.records(a));
    assertArrayEquals(new float[] {(float) Math.tanh(1), (float) Math.tanh(2)}, Activations.tanh(f, a).data(), 1e-6f);
  }

  @Test
  void aPassWithoutTheTapeStopsTheGradient() {
    // What detach() did: a value computed without recording is a constant to the tape.
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tensor b = Tensor.of(new float[] {3, 4}, 2);
    Tape tape = Tape.watching(a, b);
    Forward f = recording(tape);
    Tensor loss = Reductions.sum(f, Arithmetic.mul(f, Arithmetic.scale(f.withoutTape(), a, 2f), b));
    Gradients g = tape.backward(loss);
    assertNull(g.get(a));
    assertArrayEquals(new float[] {2, 4}, g.get(b));
  }

  @Test
  void aGivenSeedIsBackPropagated() {
    // y = 3x element-wise, seed s → ∂/∂x = 3s
    Tensor x = Tensor.of(new float[] {1, -1, 2}, 3);
    Tape tape = Tape.watching(x);
    Tensor y = Arithmetic.scale(recording(tape), x, 3f);
    Gradients g = tape.backward(y, new float[] {1, 10, 100}, new Gradients());
    assertArrayEquals(new float[] {3, 30, 300}, g.get(x));
  }

  @Test
  void gradientsAccumulateIntoTheGivenGradientsAcrossPasses() {
    Tensor a = Tensor.of(new float[] {2}, 1);
    Gradients into = new Gradients();
    for (int pass = 0; pass < 2; pass++) {
      Tape tape = Tape.watching(a);
      Forward f = recording(tape);
      assertSame(into, tape.backward(Reductions.sum(f, Arithmetic.scale(f, a, 3f)), new float[] {1}, into));
    }
    assertArrayEquals(new float[] {6}, into.get(a));
    into.clear();
    assertArrayEquals(new float[] {0}, into.get(a));
  }

  @Test
  void aTapeServesOnePassAndOnlyLeavesCanBeWatched() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tape tape = Tape.watching(a);
    Forward f = recording(tape);
    Tensor y = Activations.tanh(f, a);
    assertThrows(IllegalArgumentException.class, () -> tape.watch(y));
    tape.backward(Reductions.sum(f, y));
    assertThrows(IllegalStateException.class, () -> Activations.tanh(f, a));
    Tape other = Tape.watching(a);
    Tensor unrelated = Activations.tanh(recording(other), Tensor.of(new float[] {1}, 1));
    assertThrows(IllegalStateException.class, () -> other.backward(unrelated));
  }

  @Test
  void aBackwardFunctionCannotAskForAnUntrackedTensorsGradient() {
    Tensor a = Tensor.of(new float[] {1}, 1);
    Tensor constant = Tensor.of(new float[] {2}, 1);
    Tape tape = Tape.watching(a);
    Tensor y = recording(tape).record("wrong", Tensor.of(new float[] {2}, 1), (g, into) -> {
      assertFalse(into.wants(constant));
      assertTrue(into.wants(a));
      into.of(constant);
    }, a, constant);
    assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
  }

  @Test
  void backwardNeedsASeedOfTheOutputsSize() {
    Tensor a = Tensor.of(new float[] {1, 2}, 2);
    Tape tape = Tape.watching(a);
    Tensor y = Activations.tanh(recording(tape), a);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
    assertTrue(e.getMessage().contains("2 elements"), e.getMessage());
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Tensor x = Tensor.of(new float[] {0.5f}, 1);
    Tape tape = Tape.watching(x);
    Forward f = recording(tape);
    Tensor y = x;
    for (int i = 0; i < 50_000; i++) {
      y = Arithmetic.addScalar(f, y, 0f);
    }
    assertArrayEquals(new float[] {1f}, tape.backward(Reductions.sum(f, y)).get(x));
  }

  @Test
  void twoTapesOnTwoThreadsGiveIndependentCorrectGradients() throws Exception {
    // The same parameters, read by two passes at once, each recorded on its own tape.
    Tensor w = TestTensors.random(1, 16, 12);
    Tensor b = TestTensors.random(2, 16);
    Tensor[] inputs = {TestTensors.random(3, 20, 12), TestTensors.random(4, 20, 12)};
    Gradients[] alone = new Gradients[2];
    for (int i = 0; i < 2; i++) {
      alone[i] = linearTanhGradients(w, b, inputs[i], 1);
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(2);
      List<Future<Gradients>> together = List.of(0, 1).stream().map(i -> threads.submit(() -> {
        start.countDown();
        start.await();
        return linearTanhGradients(w, b, inputs[i], 200);
      })).toList();
      for (int i = 0; i < 2; i++) {
        Gradients g = together.get(i).get();
        assertArrayEquals(alone[i].get(w), g.get(w), "pass " + i + ": ∂w");
        assertArrayEquals(alone[i].get(b), g.get(b), "pass " + i + ": ∂b");
      }
    } finally {
      threads.shutdownNow();
    }
    assertFalse(Arrays.equals(alone[0].get(w), alone[1].get(w)), "the two inputs differ");
  }

  /** ∂ sum(tanh(x·wᵀ + b)) / ∂(w, b), computed {@code repeats} times; the last result is returned. */
  private static Gradients linearTanhGradients(Tensor w, Tensor b, Tensor x, int repeats) {
    Gradients g = null;
    for (int r = 0; r < repeats; r++) {
      Tape tape = Tape.watching(w, b);
      Forward f = recording(tape);
      g = tape.backward(Reductions.sum(f, Activations.tanh(f, Linear.linear(f, x, w, b))));
    }
    return g;
  }
}

package dev.attento.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import org.junit.jupiter.api.Test;

class PackedWeightsTest {

  @Test
  void linearOnPackedWeightsComputesWhatAPlainProductComputes() {
    Tensor x = TestTensors.random(1, 9, 33);
    Tensor w = TestTensors.random(2, 70, 33);
    Tensor b = TestTensors.random(3, 70);
    // Reference: x·Wᵀ + b with an explicit transpose, no packing involved.
    Tape plainTape = Tape.watching(x, w, b);
    Forward pf = Forward.recording(plainTape);
    Tensor plain = Arithmetic.add(pf, MatMul.matmul(pf, x, Shaping.transpose(pf, w, 0, 1)), b);
    Gradients expected = plainTape.backward(Reductions.sum(pf, plain));
    // Packed: the second product of the pass reuses the first one's packed Wᵀ.
    Tape tape = Tape.watching(x, w, b);
    Forward f = Forward.recording(tape);
    Tensor first = Linear.linear(f, x, w, b);
    Tensor packedTwice = Linear.linear(f, x, w, b);
    assertEquals(1, f.packed().size());
    assertArrayEquals(first.data(), packedTwice.data(), 0f);
    Gradients g = tape.backward(Reductions.sum(f, Arithmetic.scale(f, Arithmetic.add(f, first, packedTwice), 0.5f)));
    assertArrayEquals(plain.data(), packedTwice.data(), 1e-5f);
    assertArrayEquals(expected.get(x), g.get(x), 1e-5f);
    assertArrayEquals(expected.get(w), g.get(w), 1e-5f);
    assertArrayEquals(expected.get(b), g.get(b), 1e-5f);
  }

  @Test
  void aWeightChangedBetweenPassesIsSeenByTheNextPass() {
    Tensor x = TestTensors.random(4, 8, 16);
    Tensor w = TestTensors.random(5, 24, 16);
    float[] before = Linear.linear(Forward.inference(), x, w, null).data();
    w.data()[0] += 1f; // as an optimizer step would, between two forward passes
    float[] after = Linear.linear(Forward.inference(), x, w, null).data();
    assertNotEquals(before[0], after[0]);
    assertArrayEquals(Linear.linear(Forward.inference(), x, Tensor.of(w.data().clone(), 24, 16), null).data(), after,
        1e-6f);
  }

  @Test
  void eachWeightIsPackedOnceAndOnlyMatricesArePacked() {
    PackedWeights packed = new PackedWeights();
    Kernels kernels = Kernels.detect();
    Tensor w = TestTensors.random(6, 5, 3);
    Tensor v = TestTensors.random(7, 5, 3);
    assertSame(packed.transposeOf(w, kernels.gemm()), packed.transposeOf(w, kernels.gemm()));
    packed.transposeOf(v, kernels.gemm());
    assertEquals(2, packed.size());
    assertThrows(IllegalArgumentException.class, () -> packed.transposeOf(TestTensors.random(8, 5), kernels.gemm()));
  }
}

package dev.attento.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.tensor.Tensor;
import dev.attento.core.tensor.TestTensors;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Forward values and shape errors of the ops, against hand-computed results. */
class OpValueTest {

  /** Values are computed in an unrecorded pass unless a test records its own. */
  private static final Forward F = Forward.inference();

  private static Tensor t(float[] d, int... shape) {
    return Tensor.of(d, shape);
  }

  @Test
  void broadcastAddsBiasToEveryRow() {
    Tensor y = Arithmetic.add(F, t(new float[] {1, 2, 3, 4}, 2, 2), t(new float[] {10, 20}, 2));
    assertArrayEquals(new float[] {11, 22, 13, 24}, y.data());
  }

  @Test
  void shapeMismatchNamesBothShapesAndTheOp() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arithmetic.add(F, Tensor.zeros(2, 3), Tensor.zeros(2)));
    assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MatMul.matmul(F, Tensor.zeros(2, 3), Tensor.zeros(4, 5)));
    assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"),
        e.getMessage());
  }

  @Test
  void matmulAndLinearMatchHandComputation() {
    Tensor a = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = t(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    assertArrayEquals(new float[] {4, 5, 10, 11}, MatMul.matmul(F, a, b).data());
    // linear uses W [out, in]: y = a·Wᵀ + bias
    Tensor w = t(new float[] {1, 0, 1, 0, 1, 0}, 2, 3);
    assertArrayEquals(new float[] {4.5f, 1, 10.5f, 4}, Linear.linear(F, a, w, t(new float[] {0.5f, -1}, 2)).data());
  }

  @Test
  void bmmTransposesMatchExplicitTransposes() {
    Tensor a = TestTensors.random(1, 2, 4, 3);
    Tensor b = TestTensors.random(2, 2, 4, 5);
    Tensor viaFlag = MatMul.bmm(F, a, b, true, false);
    Tensor viaCopy = MatMul.bmm(F, Shaping.transpose(F, a, 1, 2), b, false, false);
    assertArrayEquals(viaCopy.data(), viaFlag.data(), 1e-6f);
  }

  @Test
  void batchedMatrixVectorProductsMatchBmm() {
    Tensor a = TestTensors.random(3, 2, 5, 37);
    Tensor x = TestTensors.random(4, 2, 37);
    Tensor w = TestTensors.random(5, 2, 5);
    assertArrayEquals(MatMul.bmm(F, a, Shaping.reshape(F, x, 2, 37, 1), false, false).data(), MatMul.bmv(F, a, x).data(), 1e-5f);
    assertArrayEquals(MatMul.bmm(F, Shaping.reshape(F, w, 2, 1, 5), a, false, false).data(), MatMul.bvm(F, w, a).data(), 1e-5f);
  }

  @Test
  void softmaxIsStableAndNormalised() {
    Tensor y = Softmax.softmax(F, t(new float[] {1000, 1001, 1002, -5, 0, 5}, 2, 3));
    for (int r = 0; r < 2; r++) {
      float s = y.data()[3 * r] + y.data()[3 * r + 1] + y.data()[3 * r + 2];
      assertEquals(1f, s, 1e-6f);
    }
    assertEquals(0.6652409f, y.data()[2], 1e-6f);
    Tensor ls = Softmax.logSoftmax(F, t(new float[] {1000, 1001, 1002}, 1, 3));
    assertEquals(Math.log(0.6652409), ls.data()[2], 1e-5);
  }

  @Test
  void maskedPositionsGetExactlyZeroWeight() {
    Tensor scores = t(new float[] {3, 1, 2, 7}, 1, 4);
    Tensor masked = Masking.maskedFill(F, scores, t(new float[] {0, 0, 1, 1}, 1, 4), Masking.NEG_LARGE);
    Tensor w = Softmax.softmax(F, masked);
    assertEquals(0f, w.data()[2]);
    assertEquals(0f, w.data()[3]);
    assertEquals(1f, w.data()[0] + w.data()[1], 1e-6f);
  }

  @Test
  void maskedSoftmaxGivesExactlyZeroToMaskedPositions() {
    Tensor w = Softmax.maskedSoftmax(F, t(new float[] {3, 1, 50, 7}, 1, 4), t(new float[] {1, 1, 0, 0}, 1, 4));
    assertArrayEquals(new float[] {(float) (Math.exp(3) / (Math.exp(3) + Math.exp(1))),
        (float) (Math.exp(1) / (Math.exp(3) + Math.exp(1))), 0f, 0f}, w.data(), 1e-6f);
  }

  @Test
  void crossEntropyIgnoresPaddingAndAveragesOverTheRest() {
    Tensor logits = t(new float[] {0, 0, 0, 5, 5, 5, 1, 2, 3}, 3, 3);
    float loss = CrossEntropy.crossEntropy(F, logits, new int[] {1, 0, 2}, 0).item();
    double row0 = Math.log(3);
    double row2 = -3 + Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertEquals((row0 + row2) / 2, loss, 1e-6);
    assertEquals(0f, CrossEntropy.crossEntropy(F, logits, new int[] {0, 0, 0}, 0).item());
    assertThrows(IllegalArgumentException.class, () -> CrossEntropy.crossEntropy(F, logits, new int[] {1, 7, 2}, 0));
  }

  @Test
  void labelSmoothingIsCrossEntropyAgainstTheSmoothedDistribution() {
    Tensor logits = t(new float[] {0, 0, 0, 5, 5, 5, 1, 2, 3}, 3, 3);
    int[] targets = {1, 0, 2};
    double eps = 0.3;
    double expected = 0;
    for (int r : new int[] {0, 2}) {
      double lse = Math.log(Math.exp(logits.data()[3 * r]) + Math.exp(logits.data()[3 * r + 1])
          + Math.exp(logits.data()[3 * r + 2]));
      for (int j = 0; j < 3; j++) {
        double q = (j == targets[r] ? 1 - eps : 0) + eps / 3;
        expected -= q * (logits.data()[3 * r + j] - lse);
      }
    }
    assertEquals(expected / 2, CrossEntropy.crossEntropy(F, logits, targets, 0, eps).item(), 1e-6);
    assertEquals(CrossEntropy.crossEntropy(F, logits, targets, 0).item(),
        CrossEntropy.crossEntropy(F, logits, targets, 0, 0).item(), "ε = 0 is plain cross-entropy");
    assertThrows(IllegalArgumentException.class, () -> CrossEntropy.crossEntropy(F, logits, targets, 0, 1));
  }

  @Test
  void embeddingGradientTouchesOnlyUsedRows() {
    Tensor table = TestTensors.param(3, 5, 2);
    Tape tape = Tape.watching(table);
    Forward f = Forward.recording(tape);
    Gradients g = tape.backward(Reductions.sum(f, Embedding.lookup(f, table, new int[] {1, 1, 3}, 3)));
    assertArrayEquals(new float[] {0, 0, 2, 2, 0, 0, 1, 1, 0, 0}, g.get(table));
    assertThrows(IllegalArgumentException.class, () -> Embedding.lookup(F, table, new int[] {5}, 1));
  }

  @Test
  void concatSliceStackAndTransposeMoveTheRightElements() {
    Tensor a = t(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = t(new float[] {5, 6}, 2, 1);
    assertArrayEquals(new float[] {1, 2, 5, 3, 4, 6}, Shaping.concat(F, 1, a, b).data());
    assertArrayEquals(new float[] {2, 4}, Shaping.slice(F, a, 1, 1, 2).data());
    Tensor s = Shaping.stack(F, 1, List.of(a, a));
    assertArrayEquals(new int[] {2, 2, 2}, s.shape());
    assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, s.data());
    assertArrayEquals(new float[] {1, 3, 2, 4}, Shaping.transpose(F, a, 0, 1).data());
    assertThrows(IllegalArgumentException.class, () -> Shaping.concat(F, 0, a, b));
  }

  @Test
  void whereSelectsRowsByAPrefixMask() {
    Tensor a = t(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = t(new float[] {9, 9, 8, 8}, 2, 2);
    assertArrayEquals(new float[] {1, 2, 8, 8}, Masking.where(F, t(new float[] {1, 0}, 2), a, b).data());
    assertThrows(IllegalArgumentException.class, () -> Masking.where(F, t(new float[] {1, 0, 1}, 3), a, b));
  }

  @Test
  void dropoutIsSeededAndPreservesTheExpectation() {
    Tensor x = Tensor.full(1f, 10_000);
    Tensor y1 = Dropout.dropout(training(5L), x, 0.25f);
    Tensor y2 = Dropout.dropout(training(5L), x, 0.25f);
    assertArrayEquals(y1.data(), y2.data());
    double mean = 0;
    int zeros = 0;
    for (float v : y1.data()) {
      mean += v;
      zeros += v == 0f ? 1 : 0;
    }
    assertEquals(1.0, mean / 10_000, 0.03);
    assertEquals(2500, zeros, 200);
    assertTrue(x == Dropout.dropout(F, x, 0.25f), "inference returns the input");
    assertTrue(x == Dropout.dropout(training(5L), x, 0f), "p = 0 returns the input");
    assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(training(5L), x, 1f));
  }

  @Test
  void activationsMatchJavaMath() {
    for (float v = -20f; v <= 20f; v += 0.37f) {
      assertEquals(Math.tanh(v), Activations.tanh(v), 1e-7);
      assertEquals(1 / (1 + Math.exp(-v)), Activations.sigmoid(v), 1e-7);
    }
    assertArrayEquals(new float[] {0, 2}, Activations.relu(F, t(new float[] {-1, 2}, 2)).data());
    assertArrayEquals(new float[] {-0.1f, 2}, Activations.leakyRelu(F, t(new float[] {-1, 2}, 2), 0.1f).data());
  }

  @Test
  void reductionsAndArgmax() {
    Tensor x = t(new float[] {1, 5, 3, 7, 2, 2}, 2, 3);
    assertEquals(20f, Reductions.sum(F, x).item());
    assertEquals(20f / 6, Reductions.mean(F, x).item(), 1e-6f);
    assertArrayEquals(new float[] {8, 7, 5}, Reductions.sum(F, x, 0).data());
    assertArrayEquals(new int[] {1, 0}, Reductions.argmax(x));
  }

  @Test
  void toStringIsReadable() {
    assertEquals("Tensor[2, 2] [[1.000, 2.000], [3.000, 4.000]]", t(new float[] {1, 2, 3, 4}, 2, 2).toString());
    assertTrue(Tensor.zeros(100, 100).toString().contains("..."));
  }

  /** An unrecorded training pass: dropout drawn from a generator seeded with {@code seed}. */
  private static Forward training(long seed) {
    return Forward.training(null, Kernels.detect(), RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
  }

  @Test
  void projectedLookupOverASmallVocabularyEqualsProjectingEveryRow() {
    int[] ids = {2, 0, 2, 1, 1, 2, 0, 2, 1, 0};
    Tensor table = TestTensors.param(201, 3, 4);
    Tensor w = TestTensors.param(202, 6, 4);
    Tensor b = TestTensors.param(203, 6);
    float[] g = TestTensors.random(204, 2, 5, 6).data();
    List<Integer> rowsProjected = new java.util.ArrayList<>();
    Kernels counting = countingRows(Kernels.detect(), rowsProjected);
    Tape fusedTape = Tape.watching(table, w, b);
    // 10 ids ≥ 2·3 rows: projects the table
    Tensor fused = Embedding.projectedLookup(Forward.recording(fusedTape, counting), table, ids, new int[] {2, 5}, w, b);
    assertEquals("[2, 5, 6]", java.util.Arrays.toString(fused.shape()));
    assertEquals(List.of(3), rowsProjected, "one product, over the table's 3 rows");
    Gradients fusedGrads = fusedTape.backward(fused, g, new Gradients());
    Tape plainTape = Tape.watching(table, w, b);
    Forward f = Forward.recording(plainTape);
    Tensor rows = Shaping.reshape(f, IndexSelect.rows(f, table, ids), 2, 5, 4); // not a lookup: every row projected
    Tensor plain = Linear.linear(f, rows, w, b);
    Gradients plainGrads = plainTape.backward(plain, g, new Gradients());
    assertArrayEquals(plain.data(), fused.data(), 1e-6f);
    assertArrayEquals(plainGrads.get(table), fusedGrads.get(table), 1e-5f);
    assertArrayEquals(plainGrads.get(w), fusedGrads.get(w), 1e-5f);
    assertArrayEquals(plainGrads.get(b), fusedGrads.get(b), 1e-5f);
  }

  @Test
  void projectedLookupOverALargeVocabularyProjectsEveryToken() {
    int[] ids = {4, 0, 6};
    Tensor table = TestTensors.random(205, 7, 4);
    Tensor w = TestTensors.random(206, 5, 4);
    List<Integer> rowsProjected = new java.util.ArrayList<>();
    Forward f = Forward.inference(countingRows(Kernels.detect(), rowsProjected));
    Tensor y = new EmbeddedTokens(table, ids, new int[] {1, 3}).project(f, w, null);
    assertEquals(List.of(3), rowsProjected, "3 ids < 2·7 rows: the tokens are projected, not the table");
    assertArrayEquals(Linear.linear(F, Embedding.lookup(F, table, ids, 1, 3), w, null).data(), y.data(), 0f);
    assertArrayEquals(Embedding.lookup(F, table, ids, 1, 3).data(),
        new EmbeddedTokens(table, ids, new int[] {1, 3}).lookup(F).data(), 0f);
  }

  /** {@code kernels} with a GEMM that records the row count m of every packed product. */
  private static Kernels countingRows(Kernels kernels, List<Integer> rows) {
    Gemm inner = kernels.gemm();
    Gemm counting = new Gemm() {
      @Override
      public String name() {
        return "counting " + inner.name();
      }

      @Override
      public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                       float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        inner.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      }

      @Override
      public Packed pack(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return inner.pack(transB, k, n, b, bOff, ldb);
      }

      @Override
      public void gemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda, Packed b, float beta,
                       float[] c, int cOff, int ldc) {
        rows.add(m);
        inner.gemm(transA, m, alpha, a, aOff, lda, b, beta, c, cOff, ldc);
      }
    };
    return new Kernels(counting, kernels.nonlinear(), kernels.blas1(), kernels.choice(), WorkerPool.single());
  }
}

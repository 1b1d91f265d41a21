package dev.attento.core.ops;

import static dev.attento.core.tensor.TestTensors.param;
import static dev.attento.core.tensor.TestTensors.random;

import dev.attento.core.gradcheck.GradCheck;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every differentiable op passes a finite-difference gradient check. */
class OpGradientTest {

  private static Arguments op(String name, GradCheck.Fn f, Tensor... inputs) {
    return Arguments.of(name, f, inputs);
  }

  static Stream<Arguments> ops() {
    Tensor mask = Tensor.of(new float[] {0, 1, 0, 0, 1, 1}, 2, 3);
    Tensor rowMask = Tensor.of(new float[] {1, 0, 1}, 3);
    int[] ids = {3, 0, 3, 1, 4, 3};
    return Stream.of(
        op("add", (f, in) -> Arithmetic.add(f, in.get(0), in.get(1)), param(1, 3, 4), param(2, 3, 4)),
        op("add broadcast", (f, in) -> Arithmetic.add(f, in.get(0), in.get(1)), param(1, 2, 3, 4), param(2, 4)),
        op("sub broadcast", (f, in) -> Arithmetic.sub(f, in.get(0), in.get(1)), param(3, 5, 4), param(4, 4)),
        op("mul broadcast", (f, in) -> Arithmetic.mul(f, in.get(0), in.get(1)), param(5, 5, 4), param(6, 4)),
        op("div", (f, in) -> Arithmetic.div(f, in.get(0), in.get(1)), param(7, 3, 4), param(8, 0.5f, 2f, 3, 4)),
        op("div by scalar tensor", (f, in) -> Arithmetic.div(f, in.get(0), in.get(1)), param(9, 3, 4), param(10, 1f, 2f)),
        op("scale", (f, in) -> Arithmetic.scale(f, in.get(0), -2.5f), param(11, 3, 4)),
        op("addScalar", (f, in) -> Arithmetic.addScalar(f, in.get(0), 0.7f), param(12, 3, 4)),
        op("matmul", (f, in) -> MatMul.matmul(f, in.get(0), in.get(1)), param(13, 3, 5), param(14, 5, 4)),
        op("matmul rank3", (f, in) -> MatMul.matmul(f, in.get(0), in.get(1)), param(15, 2, 3, 5), param(16, 5, 2)),
        op("bmm", (f, in) -> MatMul.bmm(f, in.get(0), in.get(1), false, false), param(17, 2, 3, 4), param(18, 2, 4, 5)),
        op("bmm Aᵀ", (f, in) -> MatMul.bmm(f, in.get(0), in.get(1), true, false), param(19, 2, 4, 3), param(20, 2, 4, 5)),
        op("bmm Bᵀ", (f, in) -> MatMul.bmm(f, in.get(0), in.get(1), false, true), param(21, 2, 3, 4), param(22, 2, 5, 4)),
        op("bmm AᵀBᵀ", (f, in) -> MatMul.bmm(f, in.get(0), in.get(1), true, true), param(23, 2, 4, 3), param(24, 2, 5, 4)),
        op("bmv", (f, in) -> MatMul.bmv(f, in.get(0), in.get(1)), param(101, 2, 3, 37), param(102, 2, 37)),
        op("bvm", (f, in) -> MatMul.bvm(f, in.get(0), in.get(1)), param(103, 2, 3), param(104, 2, 3, 37)),
        op("linear", (f, in) -> Linear.linear(f, in.get(0), in.get(1), in.get(2)), param(25, 2, 3, 5), param(26, 4, 5), param(27, 4)),
        op("linear no bias", (f, in) -> Linear.linear(f, in.get(0), in.get(1), null), param(28, 3, 5), param(29, 4, 5)),
        op("tanh", (f, in) -> Activations.tanh(f, in.get(0)), param(30, -3f, 3f, 4, 5)),
        op("sigmoid", (f, in) -> Activations.sigmoid(f, in.get(0)), param(31, -4f, 4f, 4, 5)),
        op("relu", (f, in) -> Activations.relu(f, in.get(0)), awayFromZero(32)),
        op("leakyRelu", (f, in) -> Activations.leakyRelu(f, in.get(0), 0.1f), awayFromZero(33)),
        op("exp", (f, in) -> Activations.exp(f, in.get(0)), param(34, 3, 4)),
        op("log", (f, in) -> Activations.log(f, in.get(0)), param(35, 0.5f, 3f, 3, 4)),
        op("sum", (f, in) -> Reductions.sum(f, in.get(0)), param(36, 3, 4)),
        op("mean", (f, in) -> Reductions.mean(f, in.get(0)), param(37, 3, 4)),
        op("sum axis 1", (f, in) -> Reductions.sum(f, in.get(0), 1), param(38, 2, 3, 4)),
        op("softmax", (f, in) -> Softmax.softmax(f, in.get(0)), param(39, -2f, 2f, 3, 5)),
        op("maskedSoftmax", (f, in) -> Softmax.maskedSoftmax(f, in.get(0), mask), param(63, -2f, 2f, 2, 3)),
        op("logSoftmax", (f, in) -> Softmax.logSoftmax(f, in.get(0)), param(40, -2f, 2f, 3, 5)),
        op("crossEntropy", (f, in) -> CrossEntropy.crossEntropy(f, in.get(0), new int[] {2, 0, 4, 0}, 0),
            param(41, -2f, 2f, 4, 5)),
        op("crossEntropy, label smoothing 0.1", (f, in) -> CrossEntropy.crossEntropy(f, in.get(0), new int[] {2, 0, 4, 0}, 0,
            0.1), param(113, -2f, 2f, 4, 5)),
        op("embedding", (f, in) -> Embedding.lookup(f, in.get(0), ids, 2, 3), param(42, 5, 4)),
        op("projectedLookup, small vocabulary (table projected once)",
            (f, in) -> Embedding.projectedLookup(f, in.get(0), new int[] {2, 0, 2, 1, 1, 2}, new int[] {2, 3}, in.get(1),
                in.get(2)), param(105, 3, 4), param(106, 5, 4), param(107, 5)),
        op("projectedLookup, large vocabulary (every token projected)",
            (f, in) -> Embedding.projectedLookup(f, in.get(0), new int[] {2, 0, 6}, new int[] {3}, in.get(1), null),
            param(108, 7, 4), param(109, 5, 4)),
        op("EmbeddedTokens.project", (f, in) -> new EmbeddedTokens(in.get(0), ids, new int[] {2, 3}).project(f, in.get(1),
            in.get(2)), param(110, 5, 4), param(111, 3, 4), param(112, 3)),
        op("indexSelect", (f, in) -> IndexSelect.rows(f, in.get(0), new int[] {2, 0, 2}), param(62, 3, 2, 2)),
        op("concat axis 1", (f, in) -> Shaping.concat(f, 1, in.get(0), in.get(1)), param(43, 2, 3, 2), param(44, 2, 1, 2)),
        op("slice", (f, in) -> Shaping.slice(f, in.get(0), 1, 1, 3), param(45, 2, 4, 3)),
        op("split", (f, in) -> Arithmetic.mul(f, Shaping.split(f, in.get(0), 0, 1, 2).get(1),
            Shaping.split(f, in.get(0), 0, 1, 2).get(1)), param(46, 3, 2)),
        op("select", (f, in) -> Shaping.select(f, in.get(0), 1, 2), param(47, 2, 4, 3)),
        op("stack", (f, in) -> Shaping.stack(f, 1, List.of(in.get(0), in.get(1), in.get(0))), param(48, 2, 3), param(49, 2, 3)),
        op("transpose", (f, in) -> Shaping.transpose(f, in.get(0), 0, 2), param(50, 2, 3, 4)),
        op("reshape", (f, in) -> Arithmetic.mul(f, Shaping.reshape(f, in.get(0), 6, 2), random(51, 6, 2)), param(52, 3, 4)),
        op("maskedFill", (f, in) -> Masking.maskedFill(f, in.get(0), mask, -5f), param(53, 2, 3)),
        op("maskedFill prefix mask", (f, in) -> Masking.maskedFill(f, in.get(0), rowMask, 1f), param(54, 3, 4)),
        op("where", (f, in) -> Masking.where(f, rowMask, in.get(0), in.get(1)), param(55, 3, 2), param(56, 3, 2)),
        op("dropout", (f, in) -> Dropout.dropout(withDropoutSeed(f, 7L), in.get(0), 0.3f),
            param(57, 4, 5)),
        op("composite: softmax(tanh(xW)+b)", (f, in) -> Softmax.softmax(f, Arithmetic.add(f, Activations.tanh(f, 
            MatMul.matmul(f, in.get(0), in.get(1))), in.get(2))), param(58, 3, 4), param(59, 4, 5), param(60, 5)),
        op("reused input", (f, in) -> Arithmetic.mul(f, in.get(0), Activations.tanh(f, in.get(0))), param(61, 3, 3)),
        op("sqrt", (f, in) -> Elementwise.sqrt(f, in.get(0)), param(113, 0.2f, 3f, 3, 4)),
        op("rsqrt", (f, in) -> Elementwise.rsqrt(f, in.get(0)), param(114, 0.2f, 3f, 3, 4)),
        op("clamp", (f, in) -> Elementwise.clamp(f, in.get(0), -0.5f, 0.5f), awayFrom(115, 0.5f)),
        op("minimum", (f, in) -> Elementwise.minimum(f, in.get(0), in.get(1)), param(116, 3, 4), param(117, 3, 4)),
        op("maximum broadcast", (f, in) -> Elementwise.maximum(f, in.get(0), in.get(1)), param(118, 3, 4), param(119, 4)),
        op("mean over the last dimension", (f, in) -> Normalization.mean(f, in.get(0)), param(120, 2, 3, 5)),
        op("variance over the last dimension", (f, in) -> Normalization.variance(f, in.get(0)), param(121, 2, 3, 5)),
        op("layerNorm", (f, in) -> Normalization.layerNorm(f, in.get(0), in.get(1), in.get(2), 1e-5f),
            param(122, 2, 3, 6), param(123, 0.5f, 1.5f, 6), param(124, 6)),
        op("layerNorm without gain and bias", (f, in) -> Normalization.layerNorm(f, in.get(0), null, null, 1e-5f),
            param(125, 4, 7)));
  }

  /**
   * {@code f} with a dropout generator seeded afresh, so that every evaluation of the checked
   * function (the recorded pass and each finite difference) draws the same mask.
   */
  private static Forward withDropoutSeed(Forward f, long seed) {
    return new Forward(f.tape(), f.kernels(), f.packed(), RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
  }

  /** Values in ±[0.1, 1] at least 0.1 away from ±{@code kink}, so no element sits on a kink of clamp. */
  private static Tensor awayFrom(long seed, float kink) {
    Tensor t = param(seed, -1f, 1f, 4, 5);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      if (Math.abs(Math.abs(d[i]) - kink) < 0.1f) {
        d[i] = Math.copySign(Math.abs(d[i]) < kink ? kink - 0.1f : kink + 0.1f, d[i]);
      }
    }
    return t;
  }

  /** Values in ±[0.1, 1], so no element sits on the kink at 0. */
  private static Tensor awayFromZero(long seed) {
    Tensor t = param(seed, 4, 5);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.copySign(0.1f + Math.abs(d[i]) * 0.9f, d[i]);
    }
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void gradientMatchesFiniteDifferences(String name, GradCheck.Fn f, Tensor[] inputs) {
    GradCheck.assertGradients(name, f, inputs);
  }
}

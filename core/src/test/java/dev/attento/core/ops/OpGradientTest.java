package dev.attento.core.ops;

import static dev.attento.core.tensor.TestTensors.param;
import static dev.attento.core.tensor.TestTensors.random;

import dev.attento.core.autodiff.GradCheck;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every differentiable op passes a finite-difference gradient check. */
class OpGradientTest {

  private static Arguments op(String name, Function<List<Tensor>, Tensor> f, Tensor... inputs) {
    return Arguments.of(name, f, inputs);
  }

  static Stream<Arguments> ops() {
    Tensor mask = Tensor.of(new float[] {0, 1, 0, 0, 1, 1}, 2, 3);
    Tensor rowMask = Tensor.of(new float[] {1, 0, 1}, 3);
    int[] ids = {3, 0, 3, 1, 4, 3};
    return Stream.of(
        op("add", in -> Arithmetic.add(in.get(0), in.get(1)), param(1, 3, 4), param(2, 3, 4)),
        op("add broadcast", in -> Arithmetic.add(in.get(0), in.get(1)), param(1, 2, 3, 4), param(2, 4)),
        op("sub broadcast", in -> Arithmetic.sub(in.get(0), in.get(1)), param(3, 5, 4), param(4, 4)),
        op("mul broadcast", in -> Arithmetic.mul(in.get(0), in.get(1)), param(5, 5, 4), param(6, 4)),
        op("div", in -> Arithmetic.div(in.get(0), in.get(1)), param(7, 3, 4), param(8, 0.5f, 2f, 3, 4)),
        op("div by scalar tensor", in -> Arithmetic.div(in.get(0), in.get(1)), param(9, 3, 4), param(10, 1f, 2f)),
        op("scale", in -> Arithmetic.scale(in.get(0), -2.5f), param(11, 3, 4)),
        op("addScalar", in -> Arithmetic.addScalar(in.get(0), 0.7f), param(12, 3, 4)),
        op("matmul", in -> MatMul.matmul(in.get(0), in.get(1)), param(13, 3, 5), param(14, 5, 4)),
        op("matmul rank3", in -> MatMul.matmul(in.get(0), in.get(1)), param(15, 2, 3, 5), param(16, 5, 2)),
        op("bmm", in -> MatMul.bmm(in.get(0), in.get(1), false, false), param(17, 2, 3, 4), param(18, 2, 4, 5)),
        op("bmm Aᵀ", in -> MatMul.bmm(in.get(0), in.get(1), true, false), param(19, 2, 4, 3), param(20, 2, 4, 5)),
        op("bmm Bᵀ", in -> MatMul.bmm(in.get(0), in.get(1), false, true), param(21, 2, 3, 4), param(22, 2, 5, 4)),
        op("bmm AᵀBᵀ", in -> MatMul.bmm(in.get(0), in.get(1), true, true), param(23, 2, 4, 3), param(24, 2, 5, 4)),
        op("bmv", in -> MatMul.bmv(in.get(0), in.get(1)), param(101, 2, 3, 37), param(102, 2, 37)),
        op("bvm", in -> MatMul.bvm(in.get(0), in.get(1)), param(103, 2, 3), param(104, 2, 3, 37)),
        op("linear", in -> Linear.linear(in.get(0), in.get(1), in.get(2)), param(25, 2, 3, 5), param(26, 4, 5), param(27, 4)),
        op("linear no bias", in -> Linear.linear(in.get(0), in.get(1), null), param(28, 3, 5), param(29, 4, 5)),
        op("tanh", in -> Activations.tanh(in.get(0)), param(30, -3f, 3f, 4, 5)),
        op("sigmoid", in -> Activations.sigmoid(in.get(0)), param(31, -4f, 4f, 4, 5)),
        op("relu", in -> Activations.relu(in.get(0)), awayFromZero(32)),
        op("leakyRelu", in -> Activations.leakyRelu(in.get(0), 0.1f), awayFromZero(33)),
        op("exp", in -> Activations.exp(in.get(0)), param(34, 3, 4)),
        op("log", in -> Activations.log(in.get(0)), param(35, 0.5f, 3f, 3, 4)),
        op("sum", in -> Reductions.sum(in.get(0)), param(36, 3, 4)),
        op("mean", in -> Reductions.mean(in.get(0)), param(37, 3, 4)),
        op("sum axis 1", in -> Reductions.sum(in.get(0), 1), param(38, 2, 3, 4)),
        op("softmax", in -> Softmax.softmax(in.get(0)), param(39, -2f, 2f, 3, 5)),
        op("maskedSoftmax", in -> Softmax.maskedSoftmax(in.get(0), mask), param(63, -2f, 2f, 2, 3)),
        op("logSoftmax", in -> Softmax.logSoftmax(in.get(0)), param(40, -2f, 2f, 3, 5)),
        op("crossEntropy", in -> CrossEntropy.crossEntropy(in.get(0), new int[] {2, 0, 4, 0}, 0),
            param(41, -2f, 2f, 4, 5)),
        op("embedding", in -> Embedding.lookup(in.get(0), ids, 2, 3), param(42, 5, 4)),
        op("linear over a small vocabulary's lookup (table projected once)",
            in -> Linear.linear(Embedding.lookup(in.get(0), new int[] {2, 0, 2, 1, 1, 2}, 2, 3), in.get(1), in.get(2)),
            param(105, 3, 4), param(106, 5, 4), param(107, 5)),
        op("indexSelect", in -> IndexSelect.rows(in.get(0), new int[] {2, 0, 2}), param(62, 3, 2, 2)),
        op("concat axis 1", in -> Shaping.concat(1, in.get(0), in.get(1)), param(43, 2, 3, 2), param(44, 2, 1, 2)),
        op("slice", in -> Shaping.slice(in.get(0), 1, 1, 3), param(45, 2, 4, 3)),
        op("split", in -> Arithmetic.mul(Shaping.split(in.get(0), 0, 1, 2).get(1),
            Shaping.split(in.get(0), 0, 1, 2).get(1)), param(46, 3, 2)),
        op("select", in -> Shaping.select(in.get(0), 1, 2), param(47, 2, 4, 3)),
        op("stack", in -> Shaping.stack(1, List.of(in.get(0), in.get(1), in.get(0))), param(48, 2, 3), param(49, 2, 3)),
        op("transpose", in -> Shaping.transpose(in.get(0), 0, 2), param(50, 2, 3, 4)),
        op("reshape", in -> Arithmetic.mul(Shaping.reshape(in.get(0), 6, 2), random(51, 6, 2)), param(52, 3, 4)),
        op("maskedFill", in -> Masking.maskedFill(in.get(0), mask, -5f), param(53, 2, 3)),
        op("maskedFill prefix mask", in -> Masking.maskedFill(in.get(0), rowMask, 1f), param(54, 3, 4)),
        op("where", in -> Masking.where(rowMask, in.get(0), in.get(1)), param(55, 3, 2), param(56, 3, 2)),
        op("dropout", in -> Dropout.dropout(in.get(0), 0.3f, true, RandomSource.XO_RO_SHI_RO_128_PP.create(7L)),
            param(57, 4, 5)),
        op("composite: softmax(tanh(xW)+b)", in -> Softmax.softmax(Arithmetic.add(Activations.tanh(
            MatMul.matmul(in.get(0), in.get(1))), in.get(2))), param(58, 3, 4), param(59, 4, 5), param(60, 5)),
        op("reused input", in -> Arithmetic.mul(in.get(0), Activations.tanh(in.get(0))), param(61, 3, 3)));
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
  void gradientMatchesFiniteDifferences(String name, Function<List<Tensor>, Tensor> f, Tensor[] inputs) {
    GradCheck.assertGradients(name, f, inputs);
  }
}

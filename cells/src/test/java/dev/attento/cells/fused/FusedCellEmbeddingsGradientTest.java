package dev.attento.cells.fused;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.gradcheck.GradCheck;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Shaping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The path the conformance kit does not take: a first layer's {@code run} over embeddings not
 * yet looked up (the table projected once, rows gathered), with padding. Finite differences
 * agree with the gradient of the table, every parameter and the initial state.
 */
class FusedCellEmbeddingsGradientTest {

  @ParameterizedTest
  @ValueSource(strings = {"lstm", "gru", "rnn"})
  void runOverEmbeddingsPassesTheGradientCheck(String name) {
    RecurrentCell cell = CellRegistry.fromClassPath().create(name, 5, 6, Map.of(), Randomness.create(3));
    SplittableRandom random = new SplittableRandom(9);
    int[] ids = {0, 3, 3, 1, 6, 2, 5, 4, 0, 1, 2, 6};
    Tensor mask = Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0}, 3, 4);
    List<Tensor> inputs = new ArrayList<>();
    inputs.add(uniform(random, 7, 5));
    int parts = cell.initialState(3).size();
    for (int p = 0; p < parts; p++) {
      inputs.add(uniform(random, 3, 6));
    }
    inputs.addAll(cell.parameters().values());
    GradCheck.assertGradients(name + ".run(embeddings)", (fwd, in) -> {
      RecurrentCell.SequenceResult r = cell.run(fwd, new EmbeddedTokens(in.get(0), ids, new int[] {3, 4}),
          new CellState(in.subList(1, 1 + parts)), mask);
      List<Tensor> all = new ArrayList<>(r.last().parts());
      all.add(0, Shaping.reshape(fwd, r.outputs(), 3, 4 * 6));
      return Shaping.concat(fwd, 1, all);
    }, inputs.toArray(new Tensor[0]));
  }

  private static Tensor uniform(SplittableRandom random, int... shape) {
    float[] d = new float[shape[0] * shape[1]];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return Tensor.of(d, shape);
  }
}

package org.example.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.kit.GateFunctionCheck;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.ops.Forward;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LSTM and GRU written as gate functions pass the gate check and the cell kit, and compute
 * what the built-in cells compute, to the bit: same seed, same weights, same outputs and gradients.
 */
class FusedCellsTest {

  private static CellProvider plugin(String name) {
    return name.equals("fused-lstm") ? new FusedLstmProvider() : new FusedGruProvider();
  }

  @ParameterizedTest
  @CsvSource({"fused-lstm", "fused-gru"})
  void theGateFunctionsDerivativeMatchesFiniteDifferences(String name) {
    RecurrentCell cell = plugin(name).create(new CellSpec(3, 4, Map.of("input_init", "xavier_uniform",
        "recurrent_init", "orthogonal", name.equals("fused-lstm") ? "forget_bias" : "update_bias", "1"),
        Randomness.create(1)));
    GateFunctionCheck.check(((FusedCell) cell).gateFunction()).assertPassed();
  }

  @ParameterizedTest
  @CsvSource({"fused-lstm", "fused-gru"})
  void passesTheConformanceKit(String name) {
    CellConformance.check(plugin(name)).assertPassed();
  }

  @ParameterizedTest
  @CsvSource({"fused-lstm, lstm", "fused-gru, gru"})
  void computesExactlyWhatTheBuiltInComputes(String name, String builtIn) {
    CellRegistry registry = CellRegistry.fromClassPath();
    assertTrue(registry.entries().stream().anyMatch(e -> e.name().equals(name)), "the services file registers " + name);
    RecurrentCell ours = registry.create(name, 10, 16, Map.of(), Randomness.create(5));
    RecurrentCell theirs = registry.create(builtIn, 10, 16, Map.of(), Randomness.create(5));
    List<float[]> a = outputsAndGradients(ours);
    List<float[]> b = outputsAndGradients(theirs);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(b.get(i), a.get(i), name + " vs " + builtIn + ", array " + i);
    }
  }

  /** Outputs, final state, and the gradient of every parameter, input and initial state part of a padded run. */
  private static List<float[]> outputsAndGradients(RecurrentCell cell) {
    SplittableRandom random = new SplittableRandom(3);
    Tensor x = random(random, 4, 6, 10);
    Tensor mask = Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0}, 4, 6);
    List<Tensor> initial = new ArrayList<>();
    for (int p = 0; p < cell.initialState(4).size(); p++) {
      initial.add(random(random, 4, 16));
    }
    List<Tensor> leaves = new ArrayList<>(cell.parameters().values());
    leaves.add(x);
    leaves.addAll(initial);
    Tape tape = Tape.watching(leaves);
    RecurrentCell.SequenceResult r = cell.run(Forward.recording(tape), x, new CellState(initial), mask);
    Gradients g = tape.backward(r.outputs(), random(random, 4, 6, 16).data(), new Gradients());
    List<float[]> out = new ArrayList<>(List.of(r.outputs().data(), r.last().output().data()));
    leaves.forEach(t -> out.add(g.get(t)));
    return out;
  }

  private static Tensor random(SplittableRandom random, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return Tensor.of(d, shape);
  }
}

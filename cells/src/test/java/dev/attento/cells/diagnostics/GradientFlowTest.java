package dev.attento.cells.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The textbook picture of gradient flow through time, reproduced on a seed. */
class GradientFlowTest {

  private static final CellRegistry CELLS = CellRegistry.fromClassPath();

  private static GradientFlow.Curve measure(String cell, Map<String, String> options, double clip) {
    return GradientFlow.measure(CELLS, cell, options, 100, 32, 8, clip, 7);
  }

  @Test
  void tanhRnnGradientVanishesExponentiallyWhileGatedCellsKeepIt() {
    GradientFlow.Curve rnn = measure("rnn", Map.of("activation", "tanh", "recurrent_init", "xavier_uniform"), 0);
    GradientFlow.Curve lstm = measure("lstm", Map.of(), 0);
    GradientFlow.Curve gru = measure("gru", Map.of(), 0);
    assertTrue(rnn.firstToLast() < 1e-6, "tanh RNN: " + rnn.firstToLast());
    // Exponential: the log-norm falls roughly linearly, so halfway keeps about the square root.
    double mid = rnn.hiddenNorms()[49] / rnn.hiddenNorms()[99];
    assertTrue(mid > rnn.firstToLast() * 1e3, "tanh RNN decay should be gradual: mid " + mid);
    assertTrue(lstm.firstToLast() > 1e3 * rnn.firstToLast(), "LSTM " + lstm.firstToLast() + " vs RNN " + rnn.firstToLast());
    assertTrue(gru.firstToLast() > 1e3 * rnn.firstToLast(), "GRU " + gru.firstToLast() + " vs RNN " + rnn.firstToLast());
  }

  @Test
  void scaledUpRecurrentWeightsExplodeAndClippingBoundsTheUpdate() {
    GradientFlow.Curve exploding = measure("rnn", Map.of("activation", "relu", "recurrent_init", "orthogonal:1.5"), 1.0);
    // ReLU zeroes about half the units at each step, so growth is slower than 1.5^t, but it grows.
    assertTrue(exploding.firstToLast() > 100, "spectral radius 1.5 should explode: " + exploding.firstToLast());
    assertTrue(exploding.hiddenNorms()[0] > exploding.hiddenNorms()[50], "grows with distance from the loss");
    assertTrue(exploding.parameterNorm() > 1e3, "parameter gradient norm " + exploding.parameterNorm());
    assertEquals(1.0, exploding.clippedNorm(), 1e-3, "clipping bounds the update");
  }
}

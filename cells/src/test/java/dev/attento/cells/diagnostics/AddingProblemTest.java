package dev.attento.cells.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.random.Randomness;
import org.junit.jupiter.api.Test;

class AddingProblemTest {

  private static final int LENGTH = 11;

  @Test
  void oneMarkerInEachHalfAndTheTargetIsTheirSum() {
    AddingProblem.Batch batch = new AddingProblem(LENGTH).sample(200, Randomness.create(3));
    assertArrayEquals(new int[] {200, LENGTH, 2}, batch.inputs().shape());
    assertArrayEquals(new int[] {200, 1}, batch.targets().shape());
    float[] x = batch.inputs().data();
    for (int b = 0; b < 200; b++) {
      int firstHalf = 0;
      int secondHalf = 0;
      double sum = 0;
      for (int t = 0; t < LENGTH; t++) {
        float value = x[(b * LENGTH + t) * 2];
        float marker = x[(b * LENGTH + t) * 2 + 1];
        assertTrue(value >= 0 && value < 1, "value " + value);
        assertTrue(marker == 0 || marker == 1, "marker " + marker);
        if (marker == 1) {
          sum += value;
          if (t < LENGTH / 2) {
            firstHalf++;
          } else {
            secondHalf++;
          }
        }
      }
      assertEquals(1, firstHalf, "markers in the first half of sequence " + b);
      assertEquals(1, secondHalf, "markers in the second half of sequence " + b);
      assertEquals(sum, batch.targets().data()[b], 1e-6);
    }
  }

  @Test
  void alwaysAnsweringOneScoresTheBaseline() {
    float[] y = new AddingProblem(LENGTH).sample(20_000, Randomness.create(4)).targets().data();
    double mse = 0;
    for (float v : y) {
      mse += (v - 1.0) * (v - 1.0);
    }
    assertEquals(AddingProblem.BASELINE_MSE, mse / y.length, 0.005);
  }

  @Test
  void theBestConstantIsTheMeanTarget() {
    AddingProblem.Batch batch = new AddingProblem(LENGTH).sample(3, Randomness.create(5));
    float[] y = batch.targets().data();
    double mean = (y[0] + y[1] + y[2]) / 3.0;
    double expected = ((y[0] - mean) * (y[0] - mean) + (y[1] - mean) * (y[1] - mean) + (y[2] - mean) * (y[2] - mean)) / 3;
    assertEquals(expected, batch.constantMse(), 1e-6);
  }

  @Test
  void sameSeedSameData() {
    AddingProblem p = new AddingProblem(LENGTH);
    float[] first = p.sample(5, Randomness.create(9)).inputs().data();
    assertArrayEquals(first, p.sample(5, Randomness.create(9)).inputs().data());
  }

  @Test
  void needsRoomForTwoMarkers() {
    assertThrows(IllegalArgumentException.class, () -> new AddingProblem(1));
  }
}

package dev.attento.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomnessTest {

  @Test
  void sameSeedSameNumbersAndStateRoundTrips() {
    RestorableUniformRandomProvider a = Randomness.create(9);
    RestorableUniformRandomProvider b = Randomness.create(9);
    assertEquals(a.nextLong(), b.nextLong());
    byte[] saved = Randomness.saveState(a);
    long next = a.nextLong();
    a.nextLong();
    Randomness.restoreState(a, saved);
    assertEquals(next, a.nextLong());
  }

  @Test
  void purposesGiveIndependentStreams() {
    assertNotEquals(Randomness.derive(1, "init").nextLong(), Randomness.derive(1, "shuffle").nextLong());
    assertEquals(Randomness.derive(1, "init").nextLong(), Randomness.derive(1, "init").nextLong());
  }

  @Test
  void gaussianHasUnitVariance() {
    RestorableUniformRandomProvider r = Randomness.create(3);
    double sum = 0;
    double sq = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double g = Randomness.gaussian(r);
      sum += g;
      sq += g * g;
    }
    assertEquals(0, sum / n, 0.02);
    assertEquals(1, sq / n, 0.02);
  }
}

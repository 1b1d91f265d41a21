package dev.attento.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ETA from step durations fed in (the trainer's clock, injected): no wild first estimates, a smooth rate. */
class RemainingTimeTest {

  @Test
  void thereIsNoEstimateUntilEnoughStepsAfterTheWarmUpAreTimed() {
    RemainingTime eta = new RemainingTime();
    for (int i = 0; i < RemainingTime.WARM_UP; i++) {
      eta.step(5_000); // JIT compilation, first allocations
    }
    for (int i = 1; i < RemainingTime.MIN_TIMED; i++) {
      eta.step(100);
      assertEquals(Optional.empty(), eta.of(1000), "after " + i + " timed steps");
      assertEquals("?", eta.format(1000));
    }
    eta.step(100);
    assertEquals(Optional.of(Duration.ofSeconds(100)), eta.of(1000), "the slow first steps are not counted");
    assertEquals("1m40s", eta.format(1000));
  }

  @Test
  void theRateIsTheMeanOfTheLastWindowOfSteps() {
    RemainingTime eta = new RemainingTime();
    for (int i = 0; i < RemainingTime.WARM_UP + RemainingTime.WINDOW; i++) {
      eta.step(100);
    }
    assertEquals(100, eta.millisPerStep(), 1e-9);
    eta.step(1_100); // one slow step (a busy machine) moves the rate by 1/WINDOW of the difference
    assertEquals(100 + 1_000.0 / RemainingTime.WINDOW, eta.millisPerStep(), 1e-9);
    for (int i = 0; i < RemainingTime.WINDOW; i++) {
      eta.step(50);
    }
    assertEquals(50, eta.millisPerStep(), 1e-9, "a run that speeds up is followed");
    eta.step(Double.NaN);
    assertEquals(50, eta.millisPerStep(), 1e-9, "a step without a time is ignored");
    assertEquals(Optional.of(Duration.ZERO), eta.of(-3));
  }

  @Test
  void longTimesAreShownInHoursAndMinutes() {
    assertEquals("0s", RemainingTime.format(Duration.ofMillis(400)));
    assertEquals("59s", RemainingTime.format(Duration.ofSeconds(59)));
    assertEquals("1m00s", RemainingTime.format(Duration.ofSeconds(60)));
    assertEquals("2h05m", RemainingTime.format(Duration.ofMinutes(125)));
    assertTrue(RemainingTime.format(Duration.ofHours(200)).startsWith("200h"));
  }
}

package org.example.indrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.random.Randomness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conformance kit, the service file, and the post-step constraint. */
class IndRnnConformanceTest {

  @Test
  void indRnnPassesTheConformanceKit() {
    CellConformance.check(new IndRnnProvider()).assertPassed();
  }

  @Test
  void theServiceFileRegistersIt() {
    assertTrue(CellRegistry.fromClassPath().entries().stream().anyMatch(e -> e.name().equals("indrnn")));
  }

  @Test
  void afterAStepTheRecurrentWeightsAreWithinTheBound() {
    RecurrentCell cell = new IndRnnProvider().create(new CellSpec(3, 4,
        Map.of("input_init", "xavier_uniform", "recurrent_bound", "0.5"), Randomness.create(1)));
    float[] u = cell.parameters().get("recurrent").data();
    u[0] = 3f;
    u[1] = -0.7f;
    u[2] = 0.25f;
    cell.afterOptimizerStep();
    assertEquals(0.5f, u[0]);
    assertEquals(-0.5f, u[1]);
    assertEquals(0.25f, u[2], "a weight within the bound is left alone");
  }
}

package org.example.mgu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.kit.CellConformance;
import org.junit.jupiter.api.Test;

/** What every plugin author does: run the conformance kit on the cell. */
class MguConformanceTest {

  @Test
  void mguPassesTheConformanceKit() {
    CellConformance.check(new MguProvider()).assertPassed();
  }

  @Test
  void theServiceFileRegistersIt() {
    assertTrue(CellRegistry.fromClassPath().entries().stream().anyMatch(e -> e.name().equals("mgu")));
  }
}

package org.example.lnlstm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.kit.CellConformance;
import org.junit.jupiter.api.Test;

/** What every plugin author does: run the conformance kit on the cell. */
class LayerNormLstmConformanceTest {

  @Test
  void layerNormLstmPassesTheConformanceKit() {
    CellConformance.check(new LayerNormLstmProvider()).assertPassed();
  }

  @Test
  void theServiceFileRegistersIt() {
    assertTrue(CellRegistry.fromClassPath().entries().stream().anyMatch(e -> e.name().equals("lnlstm")));
  }
}

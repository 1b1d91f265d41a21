package dev.attento.cells.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedComparisonTest {

  private final CellRegistry builtIns = CellRegistry.fromClassPath();

  @Test
  void timesTheCellAndTheBuiltInLstmAndSaysWhichIsFaster() {
    SpeedComparison.Result r = SpeedComparison.measure(builtIns.provider("gru"), Map.of(), builtIns.provider("lstm"), 1, 3);
    assertEquals("gru", r.cell());
    assertEquals(3, r.rounds());
    assertTrue(r.cellMillis() > 0 && Double.isFinite(r.cellMillis()), "gru " + r.cellMillis());
    assertTrue(r.lstmMillis() > 0 && Double.isFinite(r.lstmMillis()), "lstm " + r.lstmMillis());
    assertEquals(r.lstmMillis() / r.cellMillis(), r.relativeSpeed(), 1e-12);
    assertTrue(r.describe().matches("speed: \\d+\\.\\d\\d× the built-in LSTM \\(forward\\+backward of run, batch 64, input 64,"
        + " hidden 128, 20 steps, one thread: \\d+\\.\\d\\d ms against \\d+\\.\\d\\d ms, medians of 3\\)"), r.describe());
  }

  @Test
  void unknownOptionsAndNoRoundsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SpeedComparison.measure(builtIns.provider("gru"), Map.of(), builtIns.provider("lstm"), 0));
    assertThrows(IllegalArgumentException.class,
        () -> SpeedComparison.measure(builtIns.provider("gru"), Map.of(), builtIns.provider("lstm"), -1, 1));
    assertThrows(dev.attento.cells.CellRegistryException.class,
        () -> SpeedComparison.measure(builtIns.provider("gru"), Map.of("no_such", "1"), builtIns.provider("lstm"), 1));
  }
}

package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.kit.ConformanceReport;
import dev.attento.cells.kit.KitSizes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the kit catches: a gradient 1% off, constant weights; and its larger mode. */
class ConformanceKitPrecisionTest {

  private static String property(ConformanceReport report, String name) {
    return report.results().stream().filter(r -> r.property().equals(name)).findFirst().orElseThrow().toString();
  }

  @Test
  void aBackwardScaledByOnePercentFailsTheGradientCheck() {
    ConformanceReport report = CellConformance.check(FaultyElmanProvider.scaledInputGradient(1.01f));
    assertFalse(report.passed(), report.describe());
    String text = report.describe();
    assertTrue(text.contains("FAIL  gradients") && text.contains("input (via run): gradient off by 1.00% overall"), text);
  }

  @Test
  void theSameCellWithAnExactBackwardPasses() {
    CellConformance.check(FaultyElmanProvider.scaledInputGradient(1.0f)).assertPassed();
  }

  @Test
  void constantWeightsFailTheInitialisationCheck() {
    ConformanceReport report = CellConformance.check(new FaultyElmanProvider(1.0f, true, false));
    String init = property(report, "initialisation");
    assertTrue(init.contains("passed=false") && init.contains("weight 'weight_ih' has all entries equal (0.1)"), init);
  }

  @Test
  void theLargeModeChecksTheBuiltInLstm() {
    ConformanceReport report = CellConformance.check(CellRegistry.fromClassPath().provider("lstm"), Map.of(),
        KitSizes.LARGE).assertPassed();
    assertTrue(property(report, "construction").contains("built 48→96"), report.describe());
  }
}

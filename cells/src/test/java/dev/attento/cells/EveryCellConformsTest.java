package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.kit.CellConformance;
import dev.attento.cells.kit.ConformanceReport;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The conformance kit over every provider the registry finds, and over the built-ins' options. */
class EveryCellConformsTest {

  static Stream<String> everyProvider() {
    return CellRegistry.fromClassPath().entries().stream().map(CellRegistry.Entry::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyProvider")
  void everyRegisteredCellConforms(String name) {
    ConformanceReport report = CellConformance.check(CellRegistry.fromClassPath().provider(name)).assertPassed();
    assertFalse(report.results().isEmpty());
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("rnn", Map.of("activation", "leaky_relu", "leaky_slope", "0.1")),
        Arguments.of("rnn", Map.of("activation", "tanh", "recurrent_init", "identity:1.0")),
        Arguments.of("lstm", Map.of("forget_bias", "0.0", "input_init", "he_uniform")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void builtInOptionsConform(String name, Map<String, String> options) {
    CellConformance.check(CellRegistry.fromClassPath().provider(name), options).assertPassed();
  }

  @org.junit.jupiter.api.Test
  void theKitCatchesABrokenCell() {
    // A cell whose backward ignores the recurrent weights must fail the gradient property.
    ConformanceReport report = CellConformance.check(new FaultyElmanProvider(1.0f, false, true));
    assertFalse(report.passed());
    String text = report.describe();
    assertTrue(text.contains("FAIL  gradients") && text.contains("weight_hh"), text);
  }
}

package dev.attento.cells.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.fused.FusedCell;
import dev.attento.cells.fused.GateFunction;
import dev.attento.core.kernels.Nonlinear;
import dev.attento.core.random.Randomness;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The gate-function check passes the built-ins' gate functions and names what is wrong with a broken one. */
class GateFunctionCheckTest {

  private static GateFunction builtIn(String cell, Map<String, String> options) {
    return ((FusedCell) CellRegistry.fromClassPath().create(cell, 3, 4, options, Randomness.create(1))).gateFunction();
  }

  private static GateFunction lstm() {
    return builtIn("lstm", Map.of());
  }

  @ParameterizedTest
  @CsvSource({"lstm, tanh", "gru, tanh", "rnn, tanh", "rnn, leaky_relu"})
  void theBuiltInGateFunctionsPass(String cell, String activation) {
    GateFunction gates = builtIn(cell, cell.equals("rnn") ? Map.of("activation", activation) : Map.of());
    ConformanceReport report = GateFunctionCheck.check(gates).assertPassed();
    assertEquals(4, report.results().size(), report.describe());
  }

  @Test
  void aDerivativeOnePercentOffFails() {
    GateFunction off = new Delegate(lstm()) {
      @Override
      public void backward(int rows, int hidden, float[][] dNext, float[] saved, float[][] prev, float[] dxp,
                           float[] dhp, float[][] dPrev) {
        super.backward(rows, hidden, dNext, saved, prev, dxp, dhp, dPrev);
        for (int i = 0; i < rows * 4 * hidden; i++) {
          dxp[i] *= 1.01f;
        }
      }
    };
    ConformanceReport report = GateFunctionCheck.check(off);
    assertFalse(report.passed());
    String detail = report.results().get(3).detail();
    assertTrue(detail.startsWith("xp (via gate step): gradient off by 1.00% overall"), detail);
  }

  @Test
  void anOutputThatIsAccumulatedRatherThanWrittenFails() {
    GateFunction accumulates = new Delegate(lstm()) {
      @Override
      public void backward(int rows, int hidden, float[][] dNext, float[] saved, float[][] prev, float[] dxp,
                           float[] dhp, float[][] dPrev) {
        float[] dc = dPrev[1].clone();
        super.backward(rows, hidden, dNext, saved, prev, dxp, dhp, dPrev);
        for (int i = 0; i < rows * hidden; i++) {
          dPrev[1][i] += dc[i];   // as if the array were known to be zero
        }
      }
    };
    ConformanceReport.PropertyResult r = GateFunctionCheck.check(accumulates).results().get(1);
    assertEquals("writes outputs", r.property());
    assertFalse(r.passed());
    assertEquals("backward: dPrev part 1 element 0 is NaN (not written, or not finite)", r.detail());
  }

  @Test
  void writingBeyondTheRowsFails() {
    GateFunction overwrites = new Delegate(lstm()) {
      @Override
      public void forward(Nonlinear nl, int rows, int hidden, float[] xp, float[] hp, float[][] prev, float[][] next,
                          float[] saved) {
        super.forward(nl, rows, hidden, xp, hp, prev, next, saved);
        Arrays.fill(next[0], 0f);
      }
    };
    ConformanceReport.PropertyResult r = GateFunctionCheck.check(overwrites).results().get(1);
    assertFalse(r.passed());
    assertEquals("forward: next state part 0 element 60 was written, beyond the 60 of its rows", r.detail());
  }

  @Test
  void aGateFunctionWithStateFailsPurity() {
    GateFunction counting = new Delegate(lstm()) {
      private int calls;

      @Override
      public void forward(Nonlinear nl, int rows, int hidden, float[] xp, float[] hp, float[][] prev, float[][] next,
                          float[] saved) {
        super.forward(nl, rows, hidden, xp, hp, prev, next, saved);
        next[0][0] += calls++;
      }
    };
    ConformanceReport.PropertyResult r = GateFunctionCheck.check(counting).results().get(2);
    assertFalse(r.passed());
    assertEquals("two forward calls on the same inputs differ: keep no state between calls", r.detail());
  }

  @Test
  void aNonsensicalDeclarationIsReportedAlone() {
    GateFunction none = new Delegate(lstm()) {
      @Override
      public int gates() {
        return 0;
      }
    };
    ConformanceReport report = GateFunctionCheck.check(none);
    assertEquals(1, report.results().size());
    assertEquals("declares 0 gates, 2 state parts, 60 saved floats a row; needs at least 1, 1 and 0",
        report.results().get(0).detail());
  }

  /** A gate function that does what another does, for tests to break one method of. */
  private static class Delegate implements GateFunction {
    private final GateFunction inner;

    Delegate(GateFunction inner) {
      this.inner = inner;
    }

    @Override
    public int gates() {
      return inner.gates();
    }

    @Override
    public int stateParts() {
      return inner.stateParts();
    }

    @Override
    public int savedWidth(int hidden) {
      return inner.savedWidth(hidden);
    }

    @Override
    public void forward(Nonlinear nl, int rows, int hidden, float[] xp, float[] hp, float[][] prev, float[][] next,
                        float[] saved) {
      inner.forward(nl, rows, hidden, xp, hp, prev, next, saved);
    }

    @Override
    public void backward(int rows, int hidden, float[][] dNext, float[] saved, float[][] prev, float[] dxp,
                         float[] dhp, float[][] dPrev) {
      inner.backward(rows, hidden, dNext, saved, prev, dxp, dhp, dPrev);
    }
  }
}

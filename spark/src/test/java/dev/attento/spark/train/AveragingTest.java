package dev.attento.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.optim.Adam;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchange's arithmetic, without Spark: a transport that hands back fixed messages in any order. */
class AveragingTest {

  @Test
  void messagesSurviveTheirTextForm() {
    WorkerMessage m = new WorkerMessage(3, 17, Double.NaN, 2, new float[] {1.5f, -0f, Float.MIN_VALUE, Float.NaN});
    WorkerMessage back = WorkerMessage.decode(m.encode());
    assertEquals(3, back.partition());
    assertEquals(17, back.tokens());
    assertTrue(Double.isNaN(back.lossSum()));
    assertEquals(2, back.skipped());
    assertArrayEquals(m.values(), back.values());
  }

  @Test
  void gradientsAreWeightedByTokensInPartitionOrder() {
    Tensor w = Tensor.of(new float[] {0, 0}, 2);
    // Worker 1's message comes back first: the average must not depend on that.
    WorkerMessage other = new WorkerMessage(1, 30, 30 * 2.0, 0, new float[] {4, 8});
    Exchange exchange = new Exchange(mine -> new String[] {other.encode(), mine}, 2);
    Gradients local = Averaging.gradientsOf(List.of(w), new float[] {2, 0});
    Averaging.Combined c = Averaging.gradients(exchange, 0, List.of(w), 1.0, 10, local);
    assertEquals(40, c.tokens());
    assertEquals((10 * 1.0 + 30 * 2.0) / 40, c.loss(), 1e-12);
    assertArrayEquals(new float[] {(10 * 2 + 30 * 4) / 40f, (30 * 8) / 40f}, c.gradients().get(w), 1e-6f);
    assertEquals(1, exchange.exchanges());
  }

  @Test
  void aNonFiniteLossAnywhereSkipsTheStepEverywhere() {
    Tensor w = Tensor.of(new float[] {0}, 1);
    WorkerMessage other = new WorkerMessage(1, 5, Double.POSITIVE_INFINITY, 0, new float[] {0});
    Exchange exchange = new Exchange(mine -> new String[] {mine, other.encode()}, 2);
    Averaging.Combined c = Averaging.gradients(exchange, 0, List.of(w), 1.0, 5, Averaging.gradientsOf(List.of(w),
        new float[] {1}));
    assertNull(c.gradients());
    assertTrue(Double.isInfinite(c.loss()));
  }

  @Test
  void parametersAndAdamMomentsBecomeTheirMean() {
    Tensor mine = Tensor.of(new float[] {1, 2}, 2);
    Tensor theirs = Tensor.of(new float[] {3, 6}, 2);
    Optimizer a = Adam.adam(List.of(mine), 0.1, 0);
    Optimizer b = Adam.adam(List.of(theirs), 0.1, 0);
    a.step(Averaging.gradientsOf(List.of(mine), new float[] {1, 1}));
    b.step(Averaging.gradientsOf(List.of(theirs), new float[] {-1, 3}));
    // What worker 1 would send: its parameters, then its optimizer state in order.
    float[] bVector = capture(theirs, b);
    float[] expectedW = {(mine.data()[0] + theirs.data()[0]) / 2, (mine.data()[1] + theirs.data()[1]) / 2};
    WorkerMessage sent = new WorkerMessage(1, 0, 0, 1, bVector);
    Exchange exchange = new Exchange(m -> new String[] {sent.encode(), m}, 2);
    WorkerMessage[] all = Averaging.parameters(exchange, 0, List.of(mine), a, 0, 0, 0);
    assertEquals(2, all.length);
    assertEquals(1, all[1].skipped());
    assertArrayEquals(expectedW, mine.data(), 1e-6f);
    // Adam's first moment after one step is 0.1·g: the mean of 0.1·(1, 1) and 0.1·(−1, 3).
    assertArrayEquals(new float[] {0f, 0.2f}, a.state().get("adam.m.0").data(), 1e-6f);
  }

  /** The vector {@link Averaging#parameters} sends for {@code p} and {@code optimizer}. */
  private static float[] capture(Tensor p, Optimizer optimizer) {
    float[][] got = new float[1][];
    Exchange spy = new Exchange(m -> {
      got[0] = WorkerMessage.decode(m).values();
      return new String[] {m};
    }, 2);
    float[] before = p.data().clone();
    Averaging.parameters(spy, 1, List.of(p), optimizer, 0, 0, 0);
    assertArrayEquals(before, p.data(), "the mean of one vector is itself");
    return got[0];
  }
}

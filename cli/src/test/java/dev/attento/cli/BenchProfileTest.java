package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench --profile} accounts for a training step's time in parts that add up. */
class BenchProfileTest {

  @Test
  void profilePrintsTheBreakdownOfEveryTrainingBenchmark() {
    Cli.Result r = Cli.run("bench", "--variants", "gru:fixed", "--skip", "gemm,decode", "--steps", "3", "--warmup", "1",
        "--threads", "2", "--profile");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("profile gru:fixed, 2 thread(s), 3 steps, 2.00 shards per step"), r.out());
    assertTrue(r.out().contains("serial CPU (calling thread)"), r.out());
    assertTrue(r.out().contains("core budget (threads x wall)"), r.out());
    assertTrue(r.out().contains("model of the step on idle cores"), r.out());
  }
}

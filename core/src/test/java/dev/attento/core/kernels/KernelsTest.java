package dev.attento.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * Choosing kernels. The tests run with {@code jdk.incubator.vector} (see the surefire
 * configuration), so AUTO and VECTOR give the Vector API kernels.
 */
class KernelsTest {

  @Test
  void eachChoiceGivesItsKernels() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      Kernels auto = Kernels.choose(Kernels.Choice.AUTO, pool);
      assertInstanceOf(VectorGemm.class, auto.gemm());
      assertInstanceOf(VectorNonlinear.class, auto.nonlinear());
      assertInstanceOf(VectorBlas1.class, auto.blas1());
      Kernels vector = Kernels.choose(Kernels.Choice.VECTOR, pool);
      assertInstanceOf(VectorGemm.class, vector.gemm());
      assertInstanceOf(VectorNonlinear.class, vector.nonlinear());
      Kernels blocked = Kernels.choose(Kernels.Choice.BLOCKED, pool);
      assertInstanceOf(BlockedGemm.class, blocked.gemm());
      assertInstanceOf(ScalarNonlinear.class, blocked.nonlinear());
      assertInstanceOf(ScalarBlas1.class, blocked.blas1());
      Kernels reference = Kernels.choose(Kernels.Choice.REFERENCE, pool);
      assertInstanceOf(ReferenceGemm.class, reference.gemm());
      assertInstanceOf(ScalarNonlinear.class, reference.nonlinear());
      assertInstanceOf(ScalarBlas1.class, reference.blas1());
      for (Kernels k : new Kernels[] {auto, vector, blocked, reference}) {
        assertSame(pool, k.pool());
        assertEquals(2, k.threads());
      }
      assertEquals(Kernels.Choice.BLOCKED, blocked.choice());
    }
  }

  @Test
  void detectIsTheFastestOnTheCallersThread() {
    Kernels k = Kernels.detect();
    assertEquals(Kernels.Choice.AUTO, k.choice());
    assertInstanceOf(VectorGemm.class, k.gemm());
    assertEquals(1, k.threads());
  }

  @Test
  void serialKeepsTheKernelsOnOneThread() {
    try (WorkerPool pool = WorkerPool.create(3)) {
      Kernels k = Kernels.choose(Kernels.Choice.AUTO, pool);
      Kernels serial = k.serial();
      assertEquals(1, serial.threads());
      assertEquals(k.choice(), serial.choice());
      assertSame(k.nonlinear(), serial.nonlinear());
      assertSame(k.blas1(), serial.blas1());
      assertEquals(k.gemm().getClass(), serial.gemm().getClass());
      assertSame(serial, serial.serial(), "already serial");
      assertEquals(3, k.threads(), "the original is unchanged");
    }
  }

  @Test
  void describeNamesTheKernelsAndThreads() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      String d = Kernels.choose(Kernels.Choice.BLOCKED, pool).describe();
      assertTrue(d.contains(new BlockedGemm().name()) && d.contains(new ScalarNonlinear().name())
          && d.endsWith("2 threads"), d);
      String v = Kernels.detect().describe();
      assertTrue(v.startsWith("vector-") && v.endsWith("1 thread"), v);
    }
  }

  @Test
  void choicesParseByNameAndUnknownNamesListTheChoices() {
    assertEquals(Kernels.Choice.REFERENCE, Kernels.Choice.parse(" Reference "));
    assertEquals(Kernels.Choice.VECTOR, Kernels.Choice.parse("vector"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.Choice.parse("fast"));
    assertEquals("unknown kernels 'fast'; choose auto, vector, blocked or reference", e.getMessage());
  }
}

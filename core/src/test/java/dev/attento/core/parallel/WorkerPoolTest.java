package dev.attento.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Gemm;
import dev.attento.core.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerPoolTest {

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyTaskRunsExactlyOnce(int threads) {
    try (WorkerPool pool = WorkerPool.create(threads)) {
      assertEquals(threads, pool.threads());
      for (int tasks : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
        for (int round = 0; round < 20; round++) {
          AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
          pool.forEach(tasks, runs::incrementAndGet);
          for (int t = 0; t < tasks; t++) {
            assertEquals(1, runs.get(t), tasks + " tasks, round " + round + ": task " + t);
          }
        }
      }
    }
  }

  @Test
  void mapReturnsResultsInTaskOrder() {
    try (WorkerPool pool = WorkerPool.create(3)) {
      List<Supplier<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = i;
        tasks.add(() -> "task " + n);
      }
      List<String> out = pool.map(tasks);
      for (int i = 0; i < 10; i++) {
        assertEquals("task " + i, out.get(i));
      }
    }
  }

  @Test
  void aTasksExceptionPropagatesToTheCallerAndThePoolStaysUsable() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      for (int failing : new int[] {0, 5, 99}) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEach(100, t -> {
          if (t == failing) {
            throw new IllegalStateException("task " + t + " failed");
          }
        }));
        assertEquals("task " + failing + " failed", e.getMessage());
      }
      AtomicIntegerArray runs = new AtomicIntegerArray(50);
      pool.forEach(50, runs::incrementAndGet);
      for (int t = 0; t < 50; t++) {
        assertEquals(1, runs.get(t));
      }
    }
    try (WorkerPool single = WorkerPool.single()) {
      assertThrows(ArithmeticException.class, () -> single.forEach(3, t -> {
        throw new ArithmeticException("boom");
      }));
    }
  }

  @Test
  void nestedForEachRunsInlineWithoutDeadlock() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(8 * 8);
      AtomicIntegerArray elsewhere = new AtomicIntegerArray(8);
      pool.forEach(8, outer -> {
        Thread runner = Thread.currentThread();
        pool.forEach(8, inner -> {
          runs.incrementAndGet(outer * 8 + inner);
          if (Thread.currentThread() != runner) {
            elsewhere.incrementAndGet(outer);
          }
        });
      });
      for (int i = 0; i < 64; i++) {
        assertEquals(1, runs.get(i), "task " + i);
      }
      for (int outer = 0; outer < 8; outer++) {
        assertEquals(0, elsewhere.get(outer), "inner tasks of outer task " + outer + " ran on its thread");
      }
    }
  }

  @Test
  void twoThreadsCanUseOnePoolAtOnce() throws Exception {
    try (WorkerPool pool = WorkerPool.create(2)) {
      ExecutorService callers = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch start = new CountDownLatch(2);
        List<Future<long[]>> sums = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          int caller = c;
          sums.add(callers.submit(() -> {
            start.countDown();
            start.await();
            long[] results = new long[200];
            for (int round = 0; round < results.length; round++) {
              long[] parts = new long[16];
              pool.forEach(16, t -> parts[t] = (caller + 1) * 1000L + t);
              for (long p : parts) {
                results[round] += p;
              }
            }
            return results;
          }));
        }
        for (int c = 0; c < 2; c++) {
          long expected = 16 * (c + 1) * 1000L + 120;
          for (long r : sums.get(c).get()) {
            assertEquals(expected, r, "caller " + c);
          }
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void oneToFourThreadsGiveBitIdenticalProducts() {
    // Tasks own disjoint parts of C, so which thread (and how many) computes a part never
    // changes its bits. Large enough to be cut into chunks.
    int m = 150;
    int k = 130;
    int n = 140;
    SplittableRandom r = new SplittableRandom(3);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) (r.nextDouble() * 2 - 1);
    }
    for (Kernels.Choice choice : new Kernels.Choice[] {Kernels.Choice.AUTO, Kernels.Choice.BLOCKED}) {
      float[][] expected = products(Kernels.choose(choice, WorkerPool.single()).gemm(), a, b, m, k, n);
      for (int threads = 2; threads <= 4; threads++) {
        try (WorkerPool pool = WorkerPool.create(threads)) {
          Gemm gemm = Kernels.choose(choice, pool).gemm();
          for (int repeat = 0; repeat < 3; repeat++) {
            float[][] got = products(gemm, a, b, m, k, n);
            for (int p = 0; p < got.length; p++) {
              assertArrayEquals(expected[p], got[p], 0f, choice + ", " + threads + " threads, product " + p);
            }
          }
        }
      }
    }
  }

  /** A·B, A·Bᵀ-style and a product against packed B, all of the given shape. */
  private static float[][] products(Gemm gemm, float[] a, float[] b, int m, int k, int n) {
    float[] plain = new float[m * n];
    gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, plain, 0, n);
    float[] transA = new float[k * k];
    gemm.gemm(true, false, k, k, m, 1f, a, 0, k, a, 0, k, 0f, transA, 0, k);
    float[] packed = new float[m * n];
    gemm.gemm(false, m, 1f, a, 0, k, gemm.pack(false, k, n, b, 0, n), 0f, packed, 0, n);
    return new float[][] {plain, transA, packed};
  }

  @Test
  void singleRunsOnTheCallersThreadInOrder() {
    try (WorkerPool pool = WorkerPool.single()) {
      List<Integer> order = new ArrayList<>();
      Thread caller = Thread.currentThread();
      pool.forEach(5, t -> {
        assertSame(caller, Thread.currentThread());
        order.add(t);
      });
      assertEquals(List.of(0, 1, 2, 3, 4), order);
      assertEquals("1 thread", pool.toString());
    }
    assertThrows(IllegalArgumentException.class, () -> WorkerPool.create(0));
    try (WorkerPool perCore = WorkerPool.perCore()) {
      assertEquals(Runtime.getRuntime().availableProcessors(), perCore.threads());
      assertTrue(perCore.toString().startsWith(perCore.threads() + " thread"));
    }
  }

  @Test
  void shardsDependOnRowsAndThreadsOnly() {
    assertEquals(1, Sharding.shards(7, 4));
    assertEquals(2, Sharding.shards(16, 2));
    assertEquals(3, Sharding.shards(30, 4));
    assertEquals(4, Sharding.shards(1000, 4));
    assertEquals(1, Sharding.shards(1000, 1));
    assertEquals(1, Sharding.shards(0, 4));
    int total = 0;
    for (int q = 0; q < 3; q++) {
      total += Sharding.start(10, 3, q + 1) - Sharding.start(10, 3, q);
    }
    assertEquals(10, total);
    assertEquals(0, Sharding.start(10, 3, 0));
    assertEquals(10, Sharding.start(10, 3, 3));
  }
}

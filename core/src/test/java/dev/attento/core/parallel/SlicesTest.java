package dev.attento.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlicesTest {

  private static final int[] LENGTHS = {70_001, 0, 5, Slices.BLOCK, 3 * Slices.BLOCK + 1, 40_000};

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void everyElementIsVisitedExactlyOnce(int threads) {
    AtomicIntegerArray[] visits = new AtomicIntegerArray[LENGTHS.length];
    for (int a = 0; a < LENGTHS.length; a++) {
      visits[a] = new AtomicIntegerArray(LENGTHS[a]);
    }
    try (WorkerPool pool = WorkerPool.create(threads)) {
      Slices.forEach(pool, LENGTHS, (a, from, to) -> {
        for (int i = from; i < to; i++) {
          visits[a].incrementAndGet(i);
        }
      });
    }
    for (int a = 0; a < LENGTHS.length; a++) {
      for (int i = 0; i < LENGTHS[a]; i++) {
        assertEquals(1, visits[a].get(i), "array " + a + " element " + i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void blocksAreTheSameWhateverTheThreadCount(int threads) {
    assertArrayEquals(blocks(1), blocks(threads));
  }

  /** Each block as {array, from, to}, by block number. */
  private static int[][] blocks(int threads) {
    int[][] out = new int[Slices.blockCount(LENGTHS)][];
    try (WorkerPool pool = WorkerPool.create(threads)) {
      Slices.blocks(pool, LENGTHS, (b, a, from, to) -> out[b] = new int[] {a, from, to});
    }
    List<int[]> covered = new ArrayList<>();
    for (int[] b : out) {
      covered.add(b);
    }
    // Blocks tile each array in order.
    int a = -1;
    int next = 0;
    for (int[] b : covered) {
      if (b[0] != a) {
        assertEquals(a < 0 ? 0 : LENGTHS[a], a < 0 ? 0 : next, "array " + a + " fully covered");
        a = b[0];
        next = 0;
      }
      assertEquals(next, b[1]);
      next = b[2];
    }
    return out;
  }
}

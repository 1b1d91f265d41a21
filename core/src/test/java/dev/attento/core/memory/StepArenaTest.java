package dev.attento.core.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepArenaTest {

  @Test
  void aResetHandsTheSameArraysOutAgainZeroed() {
    StepArena arena = new StepArena();
    int n = StepArena.MIN_LENGTH;
    float[] a = arena.zeros(n);
    float[] b = arena.zeros(n);
    assertNotSame(a, b, "two requests in one step share an array");
    Arrays.fill(a, 3f);
    Arrays.fill(b, 4f);
    arena.reset();
    float[] c = arena.zeros(n);
    float[] d = arena.zeros(n);
    assertArrayEquals(new float[n], c);
    assertArrayEquals(new float[n], d);
    assertNotSame(c, d);
    assertEquals(2, arena.allocated());
    assertEquals(2, arena.reused());
    assertEquals(8L * n, arena.bytesThisStep());
  }

  @Test
  void anArrayIsNotHandedOutTwiceBeforeAReset() {
    StepArena arena = new StepArena();
    int n = StepArena.MIN_LENGTH + 3;
    float[] a = arena.zeros(n);
    arena.reset();
    assertSame(a, arena.zeros(n));
    assertNotSame(a, arena.zeros(n), "the reused array was handed out a second time in one step");
  }

  @Test
  void lengthsNotAskedForRecentlyAreDroppedBeyondFourTimesTheLastStep() {
    StepArena arena = new StepArena();
    int longer = 100 * StepArena.MIN_LENGTH;
    int shorter = StepArena.MIN_LENGTH;
    arena.zeros(longer); // a long batch
    arena.reset();
    for (int step = 0; step < 3; step++) { // then short ones: four times their size kept at most
      arena.zeros(shorter);
      arena.reset();
    }
    long before = arena.allocated();
    arena.zeros(longer);
    assertEquals(before + 1, arena.allocated(), "the long batch's array was kept beyond the budget");
    arena.zeros(shorter);
    assertEquals(before + 1, arena.allocated(), "the recent length was dropped");
  }

  @Test
  void smallArraysComeFromTheHeap() {
    StepArena arena = new StepArena();
    float[] a = arena.zeros(StepArena.MIN_LENGTH - 1);
    arena.reset();
    assertNotSame(a, arena.zeros(StepArena.MIN_LENGTH - 1));
    assertEquals(0, arena.allocated() + arena.reused(), "small arrays are not pooled");
  }

  @Test
  void theHeapAllocatorMakesNewZeroedArrays() {
    float[] a = FloatAllocator.HEAP.zeros(4);
    assertArrayEquals(new float[4], a);
    assertNotSame(a, FloatAllocator.HEAP.zeros(4));
  }
}

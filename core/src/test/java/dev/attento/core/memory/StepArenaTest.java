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
    float[] a = arena.zeros(5);
    float[] b = arena.zeros(5);
    assertNotSame(a, b, "two requests in one step share an array");
    Arrays.fill(a, 3f);
    Arrays.fill(b, 4f);
    arena.reset();
    float[] c = arena.zeros(5);
    float[] d = arena.zeros(5);
    assertArrayEquals(new float[5], c);
    assertArrayEquals(new float[5], d);
    assertNotSame(c, d);
    assertEquals(2, arena.allocated());
    assertEquals(2, arena.reused());
    assertEquals(40, arena.bytesThisStep());
  }

  @Test
  void anArrayIsNotHandedOutTwiceBeforeAReset() {
    StepArena arena = new StepArena();
    float[] a = arena.zeros(3);
    arena.reset();
    assertSame(a, arena.zeros(3));
    assertNotSame(a, arena.zeros(3), "the reused array was handed out a second time in one step");
  }

  @Test
  void lengthsNotAskedForRecentlyAreDroppedBeyondTwiceTheLastStep() {
    StepArena arena = new StepArena();
    arena.zeros(1000); // a long batch
    arena.reset();
    for (int step = 0; step < 3; step++) { // then short ones: 10 floats a step, 80 bytes kept at most
      arena.zeros(10);
      arena.reset();
    }
    long before = arena.allocated();
    arena.zeros(1000);
    assertEquals(before + 1, arena.allocated(), "the long batch's array was kept beyond the budget");
    arena.zeros(10);
    assertEquals(before + 1, arena.allocated(), "the recent length was dropped");
  }

  @Test
  void theHeapAllocatorMakesNewZeroedArrays() {
    float[] a = FloatAllocator.HEAP.zeros(4);
    assertArrayEquals(new float[4], a);
    assertNotSame(a, FloatAllocator.HEAP.zeros(4));
  }
}

package dev.attento.core.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The float arrays of one shard's training steps, reused from step to step.
 *
 * <p>Every activation of a training step stays alive until the step's backward pass has read it
 * (the tape holds it). Allocated fresh, a step's hundreds of megabytes are what the garbage
 * collector copies and frees, on every core's behalf while all of them wait: with two shards,
 * one in four seconds of a step went to the serial collector. An arena instead hands out
 * arrays that the previous step used: {@link #zeros} returns an array of the asked length
 * (zero-filled) and remembers it; {@link #reset} makes every array handed out since the last
 * reset available again. Training steps repeat the same shapes, so after the first step
 * almost every request is served without allocating.
 *
 * <p>The contract: everything made from an arena's arrays is dead after {@link #reset}. The
 * owner (a shard of {@code BatchGradients}) resets it at the start of a step, once the previous
 * step's loss, gradients and optimizer update are done. Shapes change from batch to batch with the
 * sentences' lengths, so a reset keeps free arrays of lengths asked for recently up to four times
 * what the last step asked for, and drops the rest: memory stays at a few steps' worth.
 *
 * <p>An arena is used by one thread at a time and is not thread-safe. It is a cache of
 * scratch memory, not state: what it returns is zeroed as a new array would be, so results do
 * not depend on it.
 */
public final class StepArena implements FloatAllocator {

  /**
   * Arrays shorter than this come from the heap: for them the pool's bookkeeping costs more than
   * allocating, and they are too small for the collector to spend much time copying. 8192
   * floats is one shard's {@code [32, 256]} hidden state with two shards of 64 sentences: with
   * 32768, most of a two-shard step's bytes missed the arena (docs/benchmarks.md).
   */
  static final int MIN_LENGTH = 8192;

  /**
   * Free arrays kept at a reset, as a multiple of what the step that just ended asked for. The
   * lengths that follow the live sentences of a decoder step differ from batch to batch; kept
   * for about four steps, most come back before they are dropped. An array dropped after it
   * has reached the old generation is what makes the serial collector's full collections.
   */
  private static final int KEEP_STEPS = 4;

  /** The arrays of one length: those free for reuse, and the last step that asked for one. */
  private static final class Pool {
    final ArrayDeque<float[]> free = new ArrayDeque<>();
    long lastAsked;
  }

  private final Map<Integer, Pool> pools = new HashMap<>();
  /** Arrays handed out since the last reset, in order. */
  private final List<float[]> inUse = new ArrayList<>();
  private long step;
  private long bytesThisStep;
  private long allocated;
  private long reused;

  /** An empty arena. */
  public StepArena() {}

  @Override
  public float[] zeros(int length) {
    if (length < MIN_LENGTH) {
      return new float[length];
    }
    Pool pool = pools.computeIfAbsent(length, n -> new Pool());
    pool.lastAsked = step;
    float[] a = pool.free.poll();
    if (a == null) {
      a = new float[length];
      allocated++;
    } else {
      Arrays.fill(a, 0f);
      reused++;
    }
    inUse.add(a);
    bytesThisStep += 4L * length;
    return a;
  }

  /**
   * Makes every array handed out since the last reset free for reuse. Free arrays are kept up to
   * four times what the step that just ended asked for; beyond that, the lengths asked for least
   * recently are dropped (shapes change with sentence lengths from batch to batch).
   */
  public void reset() {
    for (float[] a : inUse) {
      pools.get(a.length).free.push(a);
    }
    inUse.clear();
    long budget = KEEP_STEPS * bytesThisStep;
    long kept = 0;
    for (Pool p : pools.values()) {
      kept += bytes(p);
    }
    if (kept > budget) {
      List<Map.Entry<Integer, Pool>> oldestFirst = new ArrayList<>(pools.entrySet());
      oldestFirst.sort((a, b) -> Long.compare(a.getValue().lastAsked, b.getValue().lastAsked));
      for (Map.Entry<Integer, Pool> e : oldestFirst) {
        if (kept <= budget) {
          break;
        }
        kept -= bytes(e.getValue());
        pools.remove(e.getKey());
      }
    }
    bytesThisStep = 0;
    step++;
  }

  private static long bytes(Pool p) {
    return p.free.isEmpty() ? 0 : 4L * p.free.peek().length * p.free.size();
  }

  /** Bytes handed out since the last reset. */
  public long bytesThisStep() {
    return bytesThisStep;
  }

  /** Arrays allocated because none of their length was free (for tests and profiling). */
  public long allocated() {
    return allocated;
  }

  /** Requests served by reusing an array (for tests and profiling). */
  public long reused() {
    return reused;
  }
}

package dev.attento.core.tensor;

import java.util.SplittableRandom;

/** Seeded random tensors for tests. */
public final class TestTensors {

  private TestTensors() {}

  /**
   * Uniform values in [-1, 1): an input to differentiate (a gradient check watches every
   * input it is given; a test's own {@link dev.attento.core.autodiff.Tape} watches it explicitly).
   */
  public static Tensor param(long seed, int... shape) {
    return random(seed, shape);
  }

  /** Uniform values in [-1, 1). */
  public static Tensor random(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[Shapes.size(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return Tensor.of(d, shape);
  }

  /** Uniform values in [lo, hi): an input to differentiate, as {@link #param(long, int...)}. */
  public static Tensor param(long seed, float lo, float hi, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[Shapes.size(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (lo + r.nextDouble() * (hi - lo));
    }
    return Tensor.of(d, shape);
  }
}

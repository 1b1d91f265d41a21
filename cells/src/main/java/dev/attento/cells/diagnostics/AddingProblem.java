package dev.attento.cells.diagnostics;

import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The adding problem of Hochreiter &amp; Schmidhuber (1997, §5.4, "Experiment 4: adding
 * problem"), the classic test of whether a recurrent network can carry information across a
 * long, fixed distance. Each step has two inputs: a value drawn uniformly from [0, 1] and a
 * marker that is 1 at exactly two steps and 0 elsewhere. After the last step the network must
 * output the sum of the two marked values.
 *
 * <p>We use the later form of Le et al. (2015) and Arjovsky et al. (2016) rather than the
 * original's (values in [-1, 1], target {@code 0.5 + (x1 + x2) / 4}): one marker in the first
 * half of the sequence, the other in the second half, and the plain sum as the target. The
 * first marked value must be kept, unchanged by the up to T - 1 distracting values after it,
 * until the end. A network that remembers nothing does best by always answering the mean, 1,
 * and scores the variance of a sum of two independent U(0, 1) values, 2/12 ≈ 0.167
 * ({@link #BASELINE_MSE}). Remembering only the second, nearer value halves that (1/12 ≈
 * 0.083), so a mean squared error well below 0.083 means the first value was carried across
 * at least half the sequence.
 */
public final class AddingProblem {

  /** Mean squared error of always predicting 1, the mean of the target. */
  public static final double BASELINE_MSE = 2.0 / 12.0;

  /** Features of each step: the value and the marker. */
  public static final int INPUT_SIZE = 2;

  private final int length;

  /**
   * A problem over sequences of {@code length} steps.
   *
   * @throws IllegalArgumentException if {@code length} is below 2 (the two markers need room)
   */
  public AddingProblem(int length) {
    if (length < 2) {
      throw new IllegalArgumentException("the adding problem needs sequences of at least 2 steps, got " + length);
    }
    this.length = length;
  }

  /** Sequence length T. */
  public int length() {
    return length;
  }

  /**
   * A batch of examples.
   *
   * @param inputs {@code [batch, length, 2]}: value, marker
   * @param targets {@code [batch, 1]}: the sum of the two marked values
   */
  public record Batch(Tensor inputs, Tensor targets) {

    /**
     * The error of the best constant answer, the mean target, on these examples: what a model
     * that learned nothing scores here. On n examples it differs from {@link #BASELINE_MSE} by
     * sampling error (about 0.2/√n), so it is the fairer mark for a fixed held-out set.
     */
    public double constantMse() {
      float[] y = targets.data();
      double mean = 0;
      for (float v : y) {
        mean += v;
      }
      mean /= y.length;
      double sum = 0;
      for (float v : y) {
        sum += (v - mean) * (v - mean);
      }
      return sum / y.length;
    }
  }

  /** Draws {@code size} examples from {@code random}. */
  public Batch sample(int size, UniformRandomProvider random) {
    float[] x = new float[size * length * INPUT_SIZE];
    float[] y = new float[size];
    int half = length / 2;
    for (int b = 0; b < size; b++) {
      int first = random.nextInt(half);
      int second = half + random.nextInt(length - half);
      for (int t = 0; t < length; t++) {
        x[(b * length + t) * INPUT_SIZE] = random.nextFloat();
      }
      for (int t : new int[] {first, second}) {
        int at = (b * length + t) * INPUT_SIZE;
        x[at + 1] = 1f;
        y[b] += x[at];
      }
    }
    return new Batch(Tensor.of(x, size, length, INPUT_SIZE), Tensor.of(y, size, 1));
  }
}

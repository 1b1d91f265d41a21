package dev.attento.cells.kit;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.init.Initializers;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How fast a cell trains next to the built-in LSTM: the time of one forward and backward pass
 * of {@code run} through a sequence, at the size of the default translator's encoder (batch 64,
 * input 64, hidden 128, 20 steps), on the calling thread, the two cells timed alternately so
 * a change in the machine's load affects both alike (A B, then B A). A figure to read beside the conformance
 * report, not a check: the kit passes or fails a cell on correctness only, and a timing from a
 * shared machine is noisy (compare whole trainings with {@code attento bench} for decisions).
 */
public final class SpeedComparison {

  /** Rows, input features, hidden size and steps of the timed pass. */
  public static final int BATCH = 64;
  /** Input features of the timed pass (the default model's embedding size). */
  public static final int INPUT = 64;
  /** Hidden size of the timed pass (the default model's). */
  public static final int HIDDEN = 128;
  /** Steps of the timed sequence. */
  public static final int TIME = 20;

  /** Untimed passes of each cell first, so both are timed compiled. */
  public static final int WARMUP_PASSES = 30;

  /**
   * The measured times.
   *
   * @param cell the measured cell's name
   * @param cellMillis median milliseconds of a forward and backward pass of the cell
   * @param lstmMillis the same for the built-in LSTM
   * @param rounds how many timed passes of each the medians are over
   */
  public record Result(String cell, double cellMillis, double lstmMillis, int rounds) {

    /** The cell's speed relative to the built-in LSTM: above 1 is faster. */
    public double relativeSpeed() {
      return lstmMillis / cellMillis;
    }

    /** One line for a report. */
    public String describe() {
      return String.format(Locale.ROOT, "speed: %.2f× the built-in LSTM (forward+backward of run, batch %d, input %d,"
          + " hidden %d, %d steps, one thread: %.2f ms against %.2f ms, medians of %d)", relativeSpeed(), BATCH, INPUT,
          HIDDEN, TIME, cellMillis, lstmMillis, rounds);
    }
  }

  private SpeedComparison() {}

  /**
   * Times {@code provider}'s cell (options completed with defaults) against {@code lstm}, the
   * built-in LSTM's provider, over {@code rounds} alternating passes after a warm-up.
   *
   * @throws dev.attento.cells.CellRegistryException if an option is unknown
   */
  public static Result measure(CellProvider provider, Map<String, String> options, CellProvider lstm, int rounds) {
    return measure(provider, options, lstm, WARMUP_PASSES, rounds);
  }

  /**
   * As {@link #measure(CellProvider, Map, CellProvider, int)}, with {@code warmup} untimed
   * passes of each cell first.
   */
  public static Result measure(CellProvider provider, Map<String, String> options, CellProvider lstm, int warmup,
      int rounds) {
    if (rounds < 1 || warmup < 0) {
      throw new IllegalArgumentException("rounds must be at least 1 and warm-up passes at least 0, got " + rounds
          + " and " + warmup);
    }
    Kernels kernels = Kernels.detect();
    Pass cell = new Pass(create(provider, CellRegistry.completeOptions(provider, options)), kernels);
    Pass reference = new Pass(create(lstm, CellRegistry.completeOptions(lstm, Map.of())), kernels);
    for (int i = 0; i < warmup; i++) {
      cell.time();
      reference.time();
    }
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      // A B, then B A: a load that drifts within a round falls on both cells alike.
      if (i % 2 == 0) {
        a[i] = cell.time();
        b[i] = reference.time();
      } else {
        b[i] = reference.time();
        a[i] = cell.time();
      }
    }
    return new Result(provider.name(), median(a), median(b), rounds);
  }

  private static RecurrentCell create(CellProvider provider, Map<String, String> options) {
    return provider.create(new CellSpec(INPUT, HIDDEN, options, Randomness.create(1)));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** One cell's timed pass: inputs and the output gradient made once, a fresh tape each time. */
  private static final class Pass {
    private final RecurrentCell cell;
    private final Kernels kernels;
    private final Tensor input;
    private final float[] outputGradient;
    private final List<Tensor> watched;

    Pass(RecurrentCell cell, Kernels kernels) {
      this.cell = cell;
      this.kernels = kernels;
      UniformRandomProvider random = Randomness.create(2);
      this.input = Tensor.zeros(BATCH, TIME, INPUT);
      Initializers.uniform(1).fill(input, random);
      Tensor gradient = Tensor.zeros(BATCH * TIME * HIDDEN);
      Initializers.uniform(1).fill(gradient, random);
      this.outputGradient = gradient.data();
      this.watched = new ArrayList<>(cell.parameters().values());
      watched.add(input);
    }

    /** Milliseconds of one forward and backward pass. */
    double time() {
      long start = System.nanoTime();
      Tape tape = Tape.watching(watched);
      Tensor outputs = cell.run(Forward.recording(tape, kernels), input, cell.initialState(BATCH), null).outputs();
      tape.backward(outputs, outputGradient, new Gradients());
      return (System.nanoTime() - start) / 1e6;
    }
  }
}

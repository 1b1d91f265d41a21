package dev.attento.cells.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.spi.CellState;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.EmbeddedTokens;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Shaping;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in cells compute exactly the bits they computed before they moved onto the public
 * fast path ({@link FusedCell}, issue 16): a hash of the outputs, final states and every
 * gradient through {@code run} (padded, and from embeddings) and {@code step}, on the plain-Java
 * kernels, whose results do not depend on the CPU. The expected hashes were printed by this
 * test run against the code before the move (commit cc01a1e, {@code ProjectedCell} and
 * {@code SequenceUnroll}).
 */
class BuiltinCellsFingerprintTest {

  private static final int INPUT = 20;
  private static final int HIDDEN = 36;
  private static final int BATCH = 9;
  private static final int TIME = 7;

  @ParameterizedTest(name = "{0} {1} on {2} kernels")
  @CsvSource({
      "lstm, '', REFERENCE, 326436966d00be68",
      "gru, '', REFERENCE, e88f8b033b3d98a0",
      "rnn, tanh, REFERENCE, 1bd825bfac39b38f",
      "rnn, relu, REFERENCE, a13d6396018cf3c4",
      "rnn, leaky_relu, REFERENCE, 782cfa5306303c75",
      "lstm, '', BLOCKED, 975ef181ab2c2cc3",
      "gru, '', BLOCKED, 3a1508e0531ad24c",
      "rnn, tanh, BLOCKED, 64f2be69c81eec07",
      "rnn, relu, BLOCKED, 51132e60c918962b",
      "rnn, leaky_relu, BLOCKED, b232ee7a5e057146",
  })
  void builtInCellsKeepTheirBits(String cell, String activation, String kernels, String expected) {
    assertEquals(expected, fingerprint(cell, activation, Kernels.choose(Kernels.Choice.valueOf(kernels),
        WorkerPool.single())), cell + " " + activation);
  }

  static String fingerprint(String name, String activation, Kernels kernels) {
    Map<String, String> options = activation.isEmpty() ? Map.of() : Map.of("activation", activation);
    RecurrentCell cell = CellRegistry.fromClassPath().create(name, INPUT, HIDDEN, options, Randomness.create(7));
    SplittableRandom random = new SplittableRandom(11);
    Tensor x = uniform(random, BATCH, TIME, INPUT);
    Tensor table = uniform(random, 13, INPUT);
    int[] ids = new int[BATCH * TIME];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(13);
    }
    float[] m = new float[BATCH * TIME];
    for (int b = 0; b < BATCH; b++) {
      for (int t = 0; t < TIME - b % 4; t++) {
        m[b * TIME + t] = 1;
      }
    }
    Tensor mask = Tensor.of(m, BATCH, TIME);
    List<Tensor> initial = new ArrayList<>();
    for (int p = 0; p < cell.initialState(BATCH).size(); p++) {
      initial.add(uniform(random, BATCH, HIDDEN));
    }
    long h = 17;
    for (int way = 0; way < 3; way++) {
      List<Tensor> leaves = new ArrayList<>(cell.parameters().values());
      leaves.add(x);
      leaves.add(table);
      leaves.addAll(initial);
      Tape tape = Tape.watching(leaves);
      Forward fwd = Forward.recording(tape, kernels);
      CellState start = new CellState(initial);
      List<Tensor> outs = new ArrayList<>();
      if (way == 2) {
        CellState s = cell.step(fwd, Shaping.select(fwd, x, 1, 0), start);
        s = cell.step(fwd, Shaping.select(fwd, x, 1, 1), s);
        outs.addAll(s.parts());
      } else {
        RecurrentCell.SequenceResult r = way == 0 ? cell.run(fwd, x, start, mask)
            : cell.run(fwd, new EmbeddedTokens(table, ids, new int[] {BATCH, TIME}), start, mask);
        outs.add(Shaping.reshape(fwd, r.outputs(), BATCH, TIME * HIDDEN));
        outs.addAll(r.last().parts());
      }
      Tensor out = Shaping.concat(fwd, 1, outs);
      float[] seed = uniform(random, out.size()).data();
      Gradients g = tape.backward(out, seed, new Gradients());
      h = hash(h, out.data());
      for (Tensor leaf : leaves) {
        h = hash(h, g.get(leaf) == null ? new float[0] : g.get(leaf));
      }
    }
    return String.format(Locale.ROOT, "%016x", h);
  }

  private static long hash(long h, float[] data) {
    for (float f : data) {
      h = h * 1_000_003L + Float.floatToRawIntBits(f);
    }
    return h * 31 + data.length;
  }

  private static Tensor uniform(SplittableRandom random, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return Tensor.of(d, shape);
  }
}

package dev.attento.core.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Not a test: a small timing harness for the gate non-linearities, comparing {@link
 * VectorNonlinear} with the Vector API's SVML {@code EXP}/{@code TANH} it replaced (kept below
 * as {@link Svml}) and the scalar kernels. Nanoseconds per element from thread CPU time, the
 * best of many samples, since the machine is shared. Run after {@code mvn -pl core
 * test-compile}:
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *       dev.attento.core.kernels.NonlinearSpeed [svml|vector|scalar|double ...]
 * </pre>
 *
 * With no argument all four run in one JVM; samples of the kernels alternate, so that load from
 * other processes on the machine affects all of them alike.
 */
public final class NonlinearSpeed {

  /** The previous vector kernel: SVML lane operations, not reproducible across JIT states. */
  static final class Svml implements Nonlinear {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
      return "svml-" + S.vectorBitSize();
    }

    @Override
    public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
      int i = 0;
      FloatVector one = FloatVector.broadcast(S, 1f);
      for (; i + L <= n; i += L) {
        FloatVector v = FloatVector.fromArray(S, in, inOff + i);
        one.div(v.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(out, outOff + i);
      }
      for (; i < n; i++) {
        out[outOff + i] = (float) (1.0 / (1.0 + Math.exp(-in[inOff + i])));
      }
    }

    @Override
    public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
      int i = 0;
      for (; i + L <= n; i += L) {
        FloatVector.fromArray(S, in, inOff + i).lanewise(VectorOperators.TANH).intoArray(out, outOff + i);
      }
      for (; i < n; i++) {
        out[outOff + i] = (float) Math.tanh(in[inOff + i]);
      }
    }

    @Override
    public void expShifted(float[] in, int inOff, float shift, float[] out, int outOff, int n) {
      int i = 0;
      for (; i + L <= n; i += L) {
        FloatVector.fromArray(S, in, inOff + i).sub(shift).lanewise(VectorOperators.EXP).intoArray(out, outOff + i);
      }
      for (; i < n; i++) {
        out[outOff + i] = (float) Math.exp(in[inOff + i] - shift);
      }
    }
  }

  /** The previous scalar kernel: double-precision {@code Math.exp}. */
  static final class DoubleScalar implements Nonlinear {
    @Override
    public String name() {
      return "double-scalar";
    }

    @Override
    public void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
      for (int i = 0; i < n; i++) {
        out[outOff + i] = (float) (1.0 / (1.0 + Math.exp(-in[inOff + i])));
      }
    }

    @Override
    public void tanh(float[] in, int inOff, float[] out, int outOff, int n) {
      for (int i = 0; i < n; i++) {
        out[outOff + i] = (float) (1.0 - 2.0 / (Math.exp(2.0 * in[inOff + i]) + 1.0));
      }
    }

    @Override
    public void expShifted(float[] in, int inOff, float shift, float[] out, int outOff, int n) {
      for (int i = 0; i < n; i++) {
        out[outOff + i] = (float) Math.exp(in[inOff + i] - shift);
      }
    }
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static volatile float sink;

  private NonlinearSpeed() {}

  public static void main(String[] args) {
    String[] names = args.length == 0 ? new String[] {"svml", "vector", "scalar", "double"} : args;
    Nonlinear[] kernels = new Nonlinear[names.length];
    for (int k = 0; k < names.length; k++) {
      kernels[k] = switch (names[k]) {
        case "svml" -> new Svml();
        case "vector" -> new VectorNonlinear();
        case "scalar" -> new ScalarNonlinear();
        case "double" -> new DoubleScalar();
        default -> throw new IllegalArgumentException(names[k]);
      };
    }
    SplittableRandom r = new SplittableRandom(1);
    float[] in = new float[1024];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) (r.nextGaussian() * 3); // pre-activations of a trained LSTM are mostly within ±6
    }
    float[] out = new float[1024];
    for (Nonlinear k : kernels) { // warm-up: let C2 compile every kernel
      for (int w = 0; w < 20_000; w++) {
        k.sigmoid(in, 0, out, 0, 1024);
        k.tanh(in, 0, out, 0, 1024);
      }
    }
    System.out.println("ns per element, best of 30 samples (thread CPU time), kernels interleaved");
    System.out.printf("%-16s %6s %9s %9s%n", "kernel", "n", "sigmoid", "tanh");
    for (int n : new int[] {256, 512, 1024}) {
      double[][] best = new double[kernels.length][2];
      for (double[] b : best) {
        java.util.Arrays.fill(b, Double.MAX_VALUE);
      }
      for (int s = 0; s < 30; s++) {
        for (int k = 0; k < kernels.length; k++) {
          best[k][0] = Math.min(best[k][0], sample(kernels[k], true, in, out, n));
          best[k][1] = Math.min(best[k][1], sample(kernels[k], false, in, out, n));
        }
      }
      for (int k = 0; k < kernels.length; k++) {
        System.out.printf("%-16s %6d %9.3f %9.3f%n", kernels[k].name(), n, best[k][0], best[k][1]);
      }
    }
  }

  /** Nanoseconds per element of one sample: about 2 million elements. */
  static double sample(Nonlinear k, boolean sigmoid, float[] in, float[] out, int n) {
    int calls = 2_000_000 / n;
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int c = 0; c < calls; c++) {
      if (sigmoid) {
        k.sigmoid(in, 0, out, 0, n);
      } else {
        k.tanh(in, 0, out, 0, n);
      }
    }
    sink += out[n - 1];
    return (CPU.getCurrentThreadCpuTime() - t0) / (double) calls / n;
  }
}

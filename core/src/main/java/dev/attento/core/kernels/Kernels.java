package dev.attento.core.kernels;

import dev.attento.core.parallel.WorkerPool;
import java.util.Locale;

/**
 * What a computation runs on, chosen once and never changed: a GEMM, the gate
 * non-linearities and level-1 routines, and the {@link WorkerPool} of threads that large
 * products, training shards and decoding parts share. The fast kernels use the Vector API
 * and exist only when the JVM was started with {@code --add-modules jdk.incubator.vector};
 * plain Java ones otherwise. Results do not depend on the kernels beyond float rounding, nor
 * on the pool at all (tests compare them).
 *
 * <p>A {@code Kernels} is a value: pass it to whatever computes (it travels in every
 * {@link dev.attento.core.ops.Forward}); tests that compare paths simply build two.
 *
 * @param gemm matrix products (sharing large ones out on {@code pool})
 * @param nonlinear sigmoid, tanh and softmax exponentials over array ranges
 * @param blas1 dot products and scaled additions
 * @param choice which family was asked for
 * @param pool the threads; a one-thread pool runs everything on the caller
 */
public record Kernels(Gemm gemm, Nonlinear nonlinear, Blas1 blas1, Choice choice, WorkerPool pool) {

  /** Which family of kernels to use. */
  public enum Choice {
    /** The Vector API kernels when the module is present, else {@link #BLOCKED}. */
    AUTO,
    /** The Vector API kernels (falls back to {@link #BLOCKED} without the module). */
    VECTOR,
    /** Plain Java: a blocked GEMM that HotSpot auto-vectorises, scalar element-wise kernels. */
    BLOCKED,
    /** The obviously correct triple loop in double, and scalar element-wise kernels: for tests. */
    REFERENCE;

    /**
     * Parses {@code auto}, {@code vector}, {@code blocked} or {@code reference}.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Choice parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown kernels '" + name + "'; choose auto, vector, blocked or reference");
      }
    }
  }

  /** The fastest kernels available, running on the caller's thread alone. */
  public static Kernels detect() {
    return choose(Choice.AUTO, WorkerPool.single());
  }

  /** The kernels of {@code choice}, sharing work out on {@code pool}. */
  public static Kernels choose(Choice choice, WorkerPool pool) {
    boolean vector = (choice == Choice.AUTO || choice == Choice.VECTOR) && vectorAvailable();
    Gemm gemm = switch (choice) {
      case REFERENCE -> new ReferenceGemm();
      case BLOCKED -> new BlockedGemm();
      case AUTO, VECTOR -> vector ? load("dev.attento.core.kernels.VectorGemm", (Gemm) new BlockedGemm()) : new BlockedGemm();
    };
    Nonlinear nonlinear = vector ? load("dev.attento.core.kernels.VectorNonlinear", (Nonlinear) new ScalarNonlinear())
        : new ScalarNonlinear();
    Blas1 blas1 = vector ? load("dev.attento.core.kernels.VectorBlas1", (Blas1) new ScalarBlas1()) : new ScalarBlas1();
    return new Kernels(gemm.withPool(pool), nonlinear, blas1, choice, pool);
  }

  /**
   * The same kernels running on the caller's thread alone: what each shard of a parallel
   * batch uses, its thread being one of the pool's already.
   */
  public Kernels serial() {
    return pool.threads() == 1 ? this : withPool(WorkerPool.single());
  }

  /** The same kernels on another pool. */
  public Kernels withPool(WorkerPool other) {
    return new Kernels(gemm.withPool(other), nonlinear, blas1, choice, other);
  }

  /** The number of threads work may be shared out on. */
  public int threads() {
    return pool.threads();
  }

  /** A one-line description for run logs and benchmarks. */
  public String describe() {
    return gemm.name() + ", " + nonlinear.name() + " gates, " + pool;
  }

  private static boolean vectorAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** Instantiates a class by name, so that this class never links against the incubator module. */
  @SuppressWarnings("unchecked")
  private static <T> T load(String className, T fallback) {
    try {
      return (T) Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return fallback;
    }
  }
}

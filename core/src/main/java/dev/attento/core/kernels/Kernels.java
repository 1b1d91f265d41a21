package dev.attento.core.kernels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Chooses the fastest kernels available in this JVM, once: the Vector API ones
 * ({@link VectorGemm}, {@link VectorNonlinear}, {@link VectorBlas1}) when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, plain Java ones otherwise. The system
 * property {@code attento.gemm} ({@code reference}, {@code blocked}, {@code vector}) forces a
 * GEMM; {@code reference} also selects the scalar element-wise kernels.
 */
public final class Kernels {

  private static final AtomicReference<Gemm> GEMM = new AtomicReference<>();
  private static final AtomicReference<Nonlinear> NONLINEAR = new AtomicReference<>();
  private static final AtomicReference<Blas1> BLAS1 = new AtomicReference<>();

  private Kernels() {}

  /** The GEMM used by all ops. */
  public static Gemm gemm() {
    return once(GEMM, () -> choose(System.getProperty("attento.gemm", "")));
  }

  /** The gate non-linearities: vectorised when the Vector API is loaded, scalar otherwise. */
  public static Nonlinear nonlinear() {
    return once(NONLINEAR, () -> vectorOr("dev.attento.core.kernels.VectorNonlinear", new ScalarNonlinear()));
  }

  /** Dot products and scaled additions: vectorised when the Vector API is loaded. */
  public static Blas1 blas1() {
    return once(BLAS1, () -> vectorOr("dev.attento.core.kernels.VectorBlas1", new ScalarBlas1()));
  }

  /** Replaces the GEMM (tests use this to prove results do not depend on the kernel). */
  public static void use(Gemm g) {
    GEMM.set(g);
  }

  /** Replaces the non-linearity kernel (tests compare both paths). */
  public static void use(Nonlinear n) {
    NONLINEAR.set(n);
  }

  /** Replaces the level-1 kernel (tests compare both paths). */
  public static void use(Blas1 b) {
    BLAS1.set(b);
  }

  /**
   * Runs independent tasks on this thread and, when the machine has a second core, on the
   * kernels' helper thread, and returns their results in order. Inside a task the kernels
   * run single-threaded: two halves of a batch, each decoded on its own core, parallelise
   * every op of a step, not only the matrix products, and need no hand-over per product.
   * Results do not depend on how many cores there are.
   */
  public static <T> List<T> inParallel(List<Supplier<T>> tasks) {
    List<T> out = new ArrayList<>(Collections.nCopies(tasks.size(), null));
    IntConsumer run = i -> out.set(i, tasks.get(i).get());
    if (Runtime.getRuntime().availableProcessors() > 1 && !Helper.insideJob() && tasks.size() > 1) {
      Helper.shared().parallelFor(tasks.size(), run);
    } else {
      for (int i = 0; i < tasks.size(); i++) {
        run.accept(i);
      }
    }
    return out;
  }

  /** A one-line description of the kernels in use, for run logs and benchmarks. */
  public static String describe() {
    return gemm().name() + ", " + nonlinear().name() + " gates, " + Runtime.getRuntime().availableProcessors() + " cores";
  }

  /** The slot's kernel, choosing it on first use (a race only makes the choice twice). */
  private static <T> T once(AtomicReference<T> slot, Supplier<T> choose) {
    T k = slot.get();
    if (k == null) {
      slot.compareAndSet(null, choose.get());
      k = slot.get();
    }
    return k;
  }

  private static Gemm choose(String requested) {
    switch (requested) {
      case "reference":
        return new ReferenceGemm();
      case "blocked":
        return new BlockedGemm();
      case "vector":
      case "":
        break;
      default:
        throw new IllegalArgumentException("attento.gemm=" + requested + " is not one of reference, blocked, vector");
    }
    return vectorAvailable() ? load("dev.attento.core.kernels.VectorGemm", new BlockedGemm()) : new BlockedGemm();
  }

  /** The Vector API kernel {@code className}, unless the module is missing or reference maths was asked for. */
  private static <T> T vectorOr(String className, T scalar) {
    boolean reference = System.getProperty("attento.gemm", "").equals("reference");
    return vectorAvailable() && !reference ? load(className, scalar) : scalar;
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

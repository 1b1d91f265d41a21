package dev.attento.core.kernels;

/**
 * Chooses the fastest GEMM available in this JVM, once: {@link VectorGemm} when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, {@link BlockedGemm} otherwise. The
 * system property {@code attento.gemm} ({@code reference}, {@code blocked}, {@code vector})
 * forces a choice.
 */
public final class Kernels {

  private static volatile Gemm gemm;
  private static volatile Nonlinear nonlinear;
  private static volatile Blas1 blas1;

  private Kernels() {}

  /** The GEMM used by all ops. */
  public static Gemm gemm() {
    Gemm g = gemm;
    if (g == null) {
      synchronized (Kernels.class) {
        if (gemm == null) {
          gemm = choose(System.getProperty("attento.gemm", ""));
        }
        g = gemm;
      }
    }
    return g;
  }

  /** The gate non-linearities: vectorised when the Vector API is loaded, scalar otherwise. */
  public static Nonlinear nonlinear() {
    Nonlinear n = nonlinear;
    if (n == null) {
      synchronized (Kernels.class) {
        if (nonlinear == null) {
          nonlinear = vectorAvailable() && !System.getProperty("attento.gemm", "").equals("reference")
              ? load("dev.attento.core.kernels.VectorNonlinear", new ScalarNonlinear()) : new ScalarNonlinear();
        }
        n = nonlinear;
      }
    }
    return n;
  }

  /** Dot products and scaled additions: vectorised when the Vector API is loaded. */
  public static Blas1 blas1() {
    Blas1 b = blas1;
    if (b == null) {
      synchronized (Kernels.class) {
        if (blas1 == null) {
          blas1 = vectorAvailable() && !System.getProperty("attento.gemm", "").equals("reference")
              ? load("dev.attento.core.kernels.VectorBlas1", new ScalarBlas1()) : new ScalarBlas1();
        }
        b = blas1;
      }
    }
    return b;
  }

  /** Replaces the level-1 kernel (tests compare both paths). */
  public static void use(Blas1 b) {
    blas1 = b;
  }

  /** Replaces the non-linearity kernel (tests compare both paths). */
  public static void use(Nonlinear n) {
    nonlinear = n;
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

  /** A one-line description of the kernel in use, for run logs and benchmarks. */
  public static String describe() {
    return gemm().name() + ", " + nonlinear().name() + " gates, " + Runtime.getRuntime().availableProcessors() + " cores";
  }

  /** Replaces the GEMM (tests use this to prove results do not depend on the kernel). */
  public static void use(Gemm g) {
    gemm = g;
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
}

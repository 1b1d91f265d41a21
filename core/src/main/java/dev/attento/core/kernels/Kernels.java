package dev.attento.core.kernels;

/**
 * Chooses the fastest GEMM available in this JVM, once: {@link VectorGemm} when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, {@link BlockedGemm} otherwise. The
 * system property {@code attento.gemm} ({@code reference}, {@code blocked}, {@code vector})
 * forces a choice.
 */
public final class Kernels {

  private static volatile Gemm gemm;

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

  /** A one-line description of the kernel in use, for run logs and benchmarks. */
  public static String describe() {
    return gemm().name() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
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
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        // Loaded by name so that this class never links against the incubator module.
        return (Gemm) Class.forName("dev.attento.core.kernels.VectorGemm").getConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return new BlockedGemm();
      }
    }
    return new BlockedGemm();
  }
}

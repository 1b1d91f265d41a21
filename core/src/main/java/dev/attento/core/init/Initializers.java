package dev.attento.core.init;

import dev.attento.core.random.Randomness;
import java.util.Arrays;
import java.util.List;

/**
 * The standard initialisers, and parsing of their names as used in configs and cell options
 * ({@code xavier_uniform}, {@code orthogonal}, {@code identity:1.0}, {@code uniform:0.1}, ...).
 */
public final class Initializers {

  private static final List<String> NAMES = List.of("zeros", "constant:C", "uniform:A", "normal:STD",
      "xavier_uniform", "xavier_normal", "he_uniform", "he_normal", "linear", "orthogonal[:GAIN]", "identity[:SCALE]");

  private Initializers() {}

  /** All zeros. */
  public static Initializer zeros() {
    return constant(0f);
  }

  /** Every element {@code c}. */
  public static Initializer constant(float c) {
    return (t, r) -> Arrays.fill(t.data(), c);
  }

  /** Uniform in {@code [-a, a]}. */
  public static Initializer uniform(double a) {
    return (t, r) -> {
      float[] d = t.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = (float) ((2 * r.nextDouble() - 1) * a);
      }
    };
  }

  /** Normal with the given mean and standard deviation. */
  public static Initializer normal(double mean, double std) {
    return (t, r) -> {
      float[] d = t.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = (float) (mean + std * Randomness.gaussian(r));
      }
    };
  }

  /**
   * Glorot &amp; Bengio 2010, eq. 16: uniform in ±gain·√(6/(fan_in+fan_out)), which keeps the
   * variance of activations and of back-propagated gradients roughly constant across layers.
   */
  public static Initializer xavierUniform(double gain) {
    return (t, r) -> uniform(gain * Math.sqrt(6.0 / (Initializer.fanIn(t) + Initializer.fanOut(t)))).fill(t, r);
  }

  /** Glorot &amp; Bengio 2010: normal with std gain·√(2/(fan_in+fan_out)). */
  public static Initializer xavierNormal(double gain) {
    return (t, r) -> normal(0, gain * Math.sqrt(2.0 / (Initializer.fanIn(t) + Initializer.fanOut(t)))).fill(t, r);
  }

  /** He et al. 2015, eq. 10: for ReLU layers, variance 2/fan_in; uniform version ±√(6/fan_in). */
  public static Initializer heUniform() {
    return (t, r) -> uniform(Math.sqrt(6.0 / Initializer.fanIn(t))).fill(t, r);
  }

  /** He et al. 2015: normal with std √(2/fan_in). */
  public static Initializer heNormal() {
    return (t, r) -> normal(0, Math.sqrt(2.0 / Initializer.fanIn(t))).fill(t, r);
  }

  /**
   * PyTorch's default for {@code nn.Linear} weights: uniform in ±1/√fan_in (He et al. 2015's
   * bound with a = √5), which keeps activations of unit scale. A vector (an attention score
   * vector {@code v_a}) is read as the weight of a layer with one output.
   */
  public static Initializer linear() {
    return (t, r) -> uniform(1.0 / Math.sqrt(Initializer.fanIn(t))).fill(t, r);
  }

  /** Orthogonal (Saxe et al. 2014), one block per square {@code H×H} slice of a stacked weight. */
  public static Initializer orthogonal(double gain) {
    return new Orthogonal(gain, true);
  }

  /** Identity times {@code scale} per square block (IRNN, Le et al. 2015). */
  public static Initializer identity(double scale) {
    return (t, r) -> {
      float[] d = t.data();
      Arrays.fill(d, 0f);
      int cols = t.rank() < 2 ? 1 : t.dim(1);
      int rows = t.rank() < 2 ? t.size() : t.dim(0);
      for (int i = 0; i < rows; i++) {
        d[i * cols + i % cols] = (float) scale;
      }
    };
  }

  /**
   * Parses an initialiser name with an optional {@code :argument}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Initializer byName(String spec) {
    String[] parts = spec.split(":", 2);
    String name = parts[0].trim();
    Double arg = parts.length > 1 ? parseArg(spec, parts[1]) : null;
    return switch (name) {
      case "zeros" -> zeros();
      case "constant" -> constant(required(spec, arg).floatValue());
      case "uniform" -> uniform(required(spec, arg));
      case "normal" -> normal(0, required(spec, arg));
      case "xavier_uniform", "glorot_uniform" -> xavierUniform(arg == null ? 1 : arg);
      case "xavier_normal", "glorot_normal" -> xavierNormal(arg == null ? 1 : arg);
      case "he_uniform", "kaiming_uniform" -> heUniform();
      case "he_normal", "kaiming_normal" -> heNormal();
      case "linear" -> linear();
      case "orthogonal" -> orthogonal(arg == null ? 1 : arg);
      case "identity" -> identity(arg == null ? 1 : arg);
      default -> throw new IllegalArgumentException("unknown initialiser '" + spec + "'; known: " + String.join(", ", NAMES));
    };
  }

  private static Double parseArg(String spec, String arg) {
    try {
      return Double.parseDouble(arg.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("initialiser '" + spec + "': '" + arg + "' is not a number");
    }
  }

  private static Double required(String spec, Double arg) {
    if (arg == null) {
      throw new IllegalArgumentException("initialiser '" + spec + "' needs a value, e.g. " + spec + ":0.1");
    }
    return arg;
  }
}

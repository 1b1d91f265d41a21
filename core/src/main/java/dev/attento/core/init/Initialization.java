package dev.attento.core.init;

import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where a model's initial weights come from: one seed and, for every parameter, a generator
 * derived from that seed and the parameter's name ({@link Randomness#derive}). An initial
 * weight therefore depends only on the seed and its name — not on the order in which the
 * components of a model are built, nor on which other parameters exist.
 *
 * <p>A component is given the initialisation of its place in the model ({@link #scope}), so
 * the names it uses are its own ({@code embedding}, {@code W_a}) and the full names
 * ({@code encoder.embedding}, {@code decoder.attention.W_a}) match the checkpoint's.
 */
public final class Initialization {

  private final long seed;
  private final String prefix;

  /** The initialisation of a whole model from {@code seed}. */
  public Initialization(long seed) {
    this(seed, "");
  }

  private Initialization(long seed, String prefix) {
    this.seed = seed;
    this.prefix = prefix;
  }

  /** The seed everything derives from. */
  public long seed() {
    return seed;
  }

  /** The full name of {@code name} in this scope. */
  public String fullName(String name) {
    return prefix + name;
  }

  /** The initialisation of a part of the model: its names are prefixed with {@code name + "."}. */
  public Initialization scope(String name) {
    return new Initialization(seed, fullName(name) + ".");
  }

  /** A new tensor of {@code shape} named {@code name}, filled by {@code initializer}. */
  public Tensor parameter(String name, Initializer initializer, int... shape) {
    Tensor t = Tensor.zeros(shape);
    initializer.fill(t, random(name));
    return t;
  }

  /**
   * The generator for {@code name}: for a component that initialises its own parameters (a
   * recurrent cell draws its weights in its own order from one generator).
   */
  public UniformRandomProvider random(String name) {
    return Randomness.derive(seed, "init:" + fullName(name));
  }
}

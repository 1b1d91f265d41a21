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
  private final boolean drawsWeights;

  /** The initialisation of a whole model from {@code seed}. */
  public Initialization(long seed) {
    this(seed, "", true);
  }

  private Initialization(long seed, String prefix, boolean drawsWeights) {
    this.seed = seed;
    this.prefix = prefix;
    this.drawsWeights = drawsWeights;
  }

  /**
   * The initialisation of a model whose weights are about to be loaded from a checkpoint:
   * parameters are made with their names and shapes but left zero, since every one of them
   * will be overwritten (drawing a recurrent layer's orthogonal blocks of 1024 × 1024 took
   * about a second each, for nothing).
   */
  public static Initialization forLoading(long seed) {
    return new Initialization(seed, "", false);
  }

  /** Whether parameters get their initial values drawn ({@code false}: see {@link #forLoading}). */
  public boolean drawsWeights() {
    return drawsWeights;
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
    return new Initialization(seed, fullName(name) + ".", drawsWeights);
  }

  /** A new tensor of {@code shape} named {@code name}, filled by {@code initializer} (zero {@link #forLoading}). */
  public Tensor parameter(String name, Initializer initializer, int... shape) {
    Tensor t = Tensor.zeros(shape);
    if (drawsWeights) {
      initializer.fill(t, random(name));
    }
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

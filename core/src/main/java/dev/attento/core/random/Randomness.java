package dev.attento.core.random;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The run's random numbers. Everything random in Attento (initial weights, data shuffling,
 * dropout masks, generated toy data) draws from generators made here from the run's seed,
 * so a run is reproducible from its seed; {@link #saveState}/{@link #restoreState} carry a
 * generator across a checkpoint so a resumed run continues the same sequence.
 *
 * <p>Independent purposes get independent streams ({@link #derive}), so that, say, changing
 * the number of parameters does not change the order in which the data is shuffled.
 */
public final class Randomness {

  private Randomness() {}

  /** A generator (xoroshiro128++) seeded with {@code seed}. */
  public static RestorableUniformRandomProvider create(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /** A generator for one purpose (e.g. {@code "init"}, {@code "shuffle"}), independent of the others. */
  public static RestorableUniformRandomProvider derive(long seed, String purpose) {
    return create(mix(seed ^ mix(purpose.hashCode())));
  }

  /** The generator's state as bytes, for a checkpoint. */
  public static byte[] saveState(RestorableUniformRandomProvider rng) {
    return ((RandomProviderDefaultState) rng.saveState()).getState();
  }

  /** Puts a generator back into a saved state. */
  public static void restoreState(RestorableUniformRandomProvider rng, byte[] state) {
    rng.restoreState(new RandomProviderDefaultState(state));
  }

  /**
   * A standard normal sample by the Marsaglia polar method, in double: deterministic and
   * independent of library sampler internals, so saved seeds keep meaning the same numbers.
   */
  public static double gaussian(UniformRandomProvider rng) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  /** SplitMix64's finaliser: spreads nearby seeds far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

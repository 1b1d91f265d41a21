package dev.attento.attention;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Builds one kind of attention for given sizes. Translators look factories up by name (a
 * Guice {@code MapBinder} in the seq2seq module), so adding a mechanism is adding a factory.
 */
public interface AttentionFactory {

  /** The name users select the mechanism by, e.g. {@code luong-general}. */
  String name();

  /**
   * @param querySize size of the decoder state used as query
   * @param keySize size of each encoder state
   * @param random seeded generator for initialising parameters
   */
  Attention create(int querySize, int keySize, UniformRandomProvider random);
}

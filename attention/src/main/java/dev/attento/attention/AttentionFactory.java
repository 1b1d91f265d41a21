package dev.attento.attention;

import dev.attento.core.init.Initialization;

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
   * @param init where the mechanism's initial weights come from (its scope in the model)
   */
  Attention create(int querySize, int keySize, Initialization init);
}

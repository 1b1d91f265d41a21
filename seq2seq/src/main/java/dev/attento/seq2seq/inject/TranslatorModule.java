package dev.attento.seq2seq.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.attento.core.init.Initialization;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.Encoder;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;

/**
 * Binds the architecture and the {@link Initialization} (the seed every initial weight is
 * derived from, by the weight's name), and builds the encoder and the translator. Needs a
 * {@link CellFactory} ({@link CellsModule}) and a {@link Decoder} ({@link FixedContextModule}
 * or {@link AttentionModule}).
 */
public final class TranslatorModule extends AbstractModule {

  private final ModelConfig config;
  private final long seed;

  /** A module for one model configuration initialised from {@code seed}. */
  public TranslatorModule(ModelConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  @Override
  protected void configure() {
    bind(ModelConfig.class).toInstance(config);
    bind(Initialization.class).toInstance(new Initialization(seed));
  }

  @Provides
  @Singleton
  Encoder encoder(ModelConfig config, CellFactory cells, Initialization init) {
    return new Encoder(config, cells, init.scope("encoder"));
  }

  @Provides
  @Singleton
  Translator translator(ModelConfig config, Encoder encoder, Decoder decoder, Initialization init) {
    return new Translator(config, encoder, decoder, init);
  }
}

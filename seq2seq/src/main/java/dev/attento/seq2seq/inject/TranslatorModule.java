package dev.attento.seq2seq.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.Encoder;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Binds the architecture and the initialisation seed, and builds the encoder and the
 * translator. Needs a {@link CellFactory} ({@link CellsModule}) and a {@link Decoder}
 * ({@link FixedContextModule} or {@link AttentionModule}).
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
  }

  @Provides
  @Singleton
  @InitRandom
  UniformRandomProvider initRandom() {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  @Provides
  @Singleton
  Encoder encoder(ModelConfig config, CellFactory cells, @InitRandom UniformRandomProvider random) {
    return new Encoder(config, cells, random);
  }

  @Provides
  @Singleton
  Translator translator(ModelConfig config, Encoder encoder, Decoder decoder,
                        @InitRandom UniformRandomProvider random) {
    return new Translator(config, encoder, decoder, random);
  }
}

package dev.attento.seq2seq.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.attento.core.init.Initialization;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.FixedContextDecoder;
import dev.attento.seq2seq.model.ModelConfig;

/** Binds the decoder without attention: the source reaches it as one fixed context vector. */
public final class FixedContextModule extends AbstractModule {

  @Provides
  @Singleton
  Decoder decoder(ModelConfig config, CellFactory cells, Initialization init) {
    return new FixedContextDecoder(config, cells, init.scope("decoder"));
  }
}

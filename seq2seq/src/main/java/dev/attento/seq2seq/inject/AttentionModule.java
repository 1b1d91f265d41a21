package dev.attento.seq2seq.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.attento.attention.Attention;
import dev.attento.attention.AttentionFactory;
import dev.attento.attention.AttentionMechanisms;
import dev.attento.seq2seq.model.AttentionDecoder;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.ModelConfig;
import java.util.Map;
import dev.attento.core.init.Initialization;

/**
 * Binds the attentional decoder, and every built-in mechanism into a {@code MapBinder} keyed by
 * name; the configured name picks one. Another module can add mechanisms with
 * {@code MapBinder.newMapBinder(binder(), String.class, AttentionFactory.class).addBinding("mine")}.
 */
public final class AttentionModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, AttentionFactory> mechanisms = MapBinder.newMapBinder(binder(), String.class, AttentionFactory.class);
    for (AttentionFactory f : AttentionMechanisms.all()) {
      mechanisms.addBinding(f.name()).toInstance(f);
    }
  }

  @Provides
  @Singleton
  Attention attention(ModelConfig config, Map<String, AttentionFactory> mechanisms, Initialization init) {
    return AttentionMechanisms.byName(config.attention(), mechanisms)
        .create(config.hiddenSize(), config.encoderOutputSize(), init.scope("decoder.attention"));
  }

  @Provides
  @Singleton
  Decoder decoder(ModelConfig config, CellFactory cells, Attention attention, Initialization init) {
    return new AttentionDecoder(config, cells, attention, init.scope("decoder"));
  }
}

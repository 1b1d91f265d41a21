package dev.attento.seq2seq.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.attento.cells.CellRegistry;
import dev.attento.core.init.Initialization;
import dev.attento.seq2seq.model.CellFactory;
import dev.attento.seq2seq.model.ModelConfig;
import java.nio.file.Path;

/**
 * Binds the {@link CellRegistry} (class path plus an optional plugin directory) as a
 * singleton, and a {@link CellFactory} that builds the configured cell from it — so encoder
 * and decoder layers can be any registered cell, plugins included — drawing its weights unless
 * the bound {@link Initialization} is {@link Initialization#forLoading for loading}.
 */
public final class CellsModule extends AbstractModule {

  private final Path pluginDir;

  /** Cells from the class path and, if not {@code null}, the jars in {@code pluginDir}. */
  public CellsModule(Path pluginDir) {
    this.pluginDir = pluginDir;
  }

  @Provides
  @Singleton
  CellRegistry registry() {
    return CellRegistry.load(pluginDir);
  }

  @Provides
  @Singleton
  CellFactory cellFactory(CellRegistry registry, ModelConfig config, Initialization init) {
    registry.completeOptions(registry.provider(config.cell()), config.cellOptions());
    return (in, hidden, random) -> registry.create(config.cell(), in, hidden, config.cellOptions(), random,
        init.drawsWeights());
  }
}

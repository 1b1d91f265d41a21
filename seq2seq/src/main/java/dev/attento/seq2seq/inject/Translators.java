package dev.attento.seq2seq.inject;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import dev.attento.core.init.Initialization;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import java.nio.file.Path;
import java.util.List;

/**
 * Composes a translator from Guice modules. This is the one place that decides between a
 * fixed context vector and attention; the modules themselves hold no conditions.
 */
public final class Translators {

  private Translators() {}

  /** The modules for {@code config}: translator, cells and the matching decoder module. */
  public static List<Module> modules(ModelConfig config, long seed, Path pluginDir) {
    Module decoder = config.usesAttention() ? new AttentionModule() : new FixedContextModule();
    return List.of(new TranslatorModule(config, seed), new CellsModule(pluginDir), decoder);
  }

  /**
   * Builds a translator; {@code overrides} replace any binding (e.g. a custom decoder or cell
   * factory) through {@code Modules.override}.
   */
  public static Translator build(ModelConfig config, long seed, Path pluginDir, Module... overrides) {
    Module base = Modules.combine(modules(config, seed, pluginDir));
    Module effective = overrides.length == 0 ? base : Modules.override(base).with(overrides);
    try {
      return Guice.createInjector(effective).getInstance(Translator.class);
    } catch (ProvisionException | CreationException e) {
      throw unwrap(e);
    }
  }

  /**
   * Builds a translator whose weights are about to be loaded from a checkpoint: every parameter
   * has its name and shape but none is drawn ({@link Initialization#forLoading}), which for a
   * hidden size of 1024 saves seconds of orthogonal initialisation.
   */
  public static Translator buildForLoading(ModelConfig config, long seed, Path pluginDir) {
    return build(config, seed, pluginDir,
        binder -> binder.bind(Initialization.class).toInstance(Initialization.forLoading(seed)));
  }

  /**
   * Guice wraps a provider's exception in its own, with a page of context; a user who asked
   * for an unknown cell should just read what was wrong.
   */
  private static RuntimeException unwrap(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof IllegalArgumentException iae ? iae : e;
  }
}

package dev.attento.spark.translate;

import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.spark.plugins.PluginShipment;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models this JVM has loaded, keyed by their location: each executor loads a run once and
 * every task it runs afterwards decodes with the same {@link ModelBundle}.
 *
 * <p>This is the one static map of the module, and it is a cache, not state of the computation:
 * a model bundle is immutable once loaded (inference never changes a weight), a location always
 * loads the same bundle for the life of a job, and everything else a decode depends on — the
 * decoding options, the batch size, the columns — travels with the task in its
 * {@link TranslationRequest}. Emptying the map would change how long a task takes, never what it
 * returns. Spark gives no per-executor object to hang it on, which is why it lives here.
 */
public final class ExecutorModels {

  private static final ConcurrentMap<String, ModelBundle> LOADED = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /**
   * The model at {@code location} (see {@link ModelLocation#resolve}), loading it on the
   * first call in this JVM; concurrent first calls load it once. Built-in cells, or a plugin
   * cell from the jar the model records.
   */
  public static ModelBundle get(String location) {
    return get(location, PluginShipment.NONE);
  }

  /**
   * As {@link #get(String)}; a plugin cell is loaded from the jar {@code plugins} shipped for
   * it (see {@link PluginShipment#jarFor}), its pin checked.
   */
  public static ModelBundle get(String location, PluginShipment plugins) {
    return LOADED.computeIfAbsent(location, l -> {
      Path dir = Checkpoints.resolve(ModelLocation.resolve(l));
      return BundleFiles.read(dir, plugins.jarFor(dir));
    });
  }
}

package dev.attento.spark.translate;

import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
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
   * first call in this JVM; concurrent first calls load it once.
   */
  public static ModelBundle get(String location) {
    return LOADED.computeIfAbsent(location, l -> Checkpoints.loadModel(ModelLocation.resolve(l), null));
  }
}

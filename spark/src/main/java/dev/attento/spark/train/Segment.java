package dev.attento.spark.train;

import dev.attento.spark.plugins.PluginShipment;
import java.io.Serializable;

/**
 * What one barrier stage does: steps {@code from + 1 … to} of a run, on every worker.
 *
 * @param configJson the run's configuration, as its config.json (workers bind it themselves)
 * @param from steps done before the stage
 * @param to steps done after it
 * @param settings how the workers train together
 * @param attempt how many stages of this run have failed before (a failure injected for a test
 *     fires on attempt 0 only, so the retry can succeed)
 * @param plugins the cell plugin jars shipped with the job, for building the model
 */
record Segment(String configJson, long from, long to, DataParallelSettings settings, int attempt,
               PluginShipment plugins)
    implements Serializable {}

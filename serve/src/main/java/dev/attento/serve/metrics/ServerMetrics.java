package dev.attento.serve.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters, rendered in the Prometheus text format (version 0.0.4): requests by
 * route and status, sentences and batch sizes by model, translation latency as a histogram and
 * as recent percentiles, and each model's queue length. Labels come only from the server's own
 * routes and model names, never from a request's raw path, so a client cannot create series.
 */
public final class ServerMetrics {

  private static final double[] LATENCY_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  private static final double[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
  private static final double[] QUANTILES = {0.5, 0.9, 0.99};

  private final ConcurrentMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Histogram latency = new Histogram(LATENCY_BOUNDS);
  private final RecentLatencies recent = new RecentLatencies(4096);
  private final Map<String, ModelSeries> models = new TreeMap<>();

  /** A model's series. */
  private record ModelSeries(LongAdder sentences, Histogram batchSizes, IntSupplier queueLength) {}

  /** Registers a model before the server starts; {@code queueLength} is read at each scrape. */
  public void addModel(String model, IntSupplier queueLength) {
    models.put(model, new ModelSeries(new LongAdder(), new Histogram(BATCH_BOUNDS), queueLength));
  }

  /** Counts a finished HTTP request; {@code route} is the matched route pattern. */
  public void request(String route, int status) {
    requests.computeIfAbsent("route=\"" + route + "\",status=\"" + status + "\"", k -> new LongAdder()).increment();
  }

  /** Records the latency of a successful translate request. */
  public void translated(String model, int sentences, long nanos) {
    double seconds = nanos / 1e9;
    latency.observe(seconds);
    recent.add(seconds);
    models.get(model).sentences().add(sentences);
  }

  /** Records a batched decode of a model. */
  public void batch(String model, int sentences) {
    models.get(model).batchSizes().observe(sentences);
  }

  /** The number of requests counted with this route and status. */
  public long requestCount(String route, int status) {
    LongAdder n = requests.get("route=\"" + route + "\",status=\"" + status + "\"");
    return n == null ? 0 : n.sum();
  }

  /** The metrics in the Prometheus text format. */
  public String prometheus() {
    StringBuilder out = new StringBuilder();
    header(out, "attento_requests_total", "counter", "HTTP requests by route and status.");
    new TreeMap<>(requests).forEach((labels, n) ->
        out.append("attento_requests_total{").append(labels).append("} ").append(n.sum()).append('\n'));

    header(out, "attento_translate_latency_seconds", "histogram", "Time to answer a successful translate request.");
    latency.write(out, "attento_translate_latency_seconds", "");

    header(out, "attento_translate_latency_recent_seconds", "gauge",
        "Percentiles of the last 4096 successful translate requests' latencies.");
    double[] q = recent.quantiles(QUANTILES);
    for (int i = 0; i < QUANTILES.length; i++) {
      out.append("attento_translate_latency_recent_seconds{quantile=\"").append(QUANTILES[i]).append("\"} ")
          .append(Double.isNaN(q[i]) ? "NaN" : Histogram.format(q[i])).append('\n');
    }

    header(out, "attento_sentences_total", "counter", "Sentences translated, by model.");
    models.forEach((m, s) -> out.append("attento_sentences_total{model=\"").append(m).append("\"} ")
        .append(s.sentences().sum()).append('\n'));

    header(out, "attento_queue_length", "gauge", "Sentences waiting for a batch, by model.");
    models.forEach((m, s) -> out.append("attento_queue_length{model=\"").append(m).append("\"} ")
        .append(s.queueLength().getAsInt()).append('\n'));

    header(out, "attento_batch_size", "histogram", "Sentences per batched decode, by model.");
    models.forEach((m, s) -> s.batchSizes().write(out, "attento_batch_size", "model=\"" + m + "\","));
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}

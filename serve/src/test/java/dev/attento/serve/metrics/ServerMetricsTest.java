package dev.attento.serve.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Prometheus text: cumulative buckets, recent percentiles and per-model series. */
class ServerMetricsTest {

  @Test
  void histogramBucketsAreCumulative() {
    Histogram h = new Histogram(1, 2, 4);
    for (double v : new double[] {0.5, 1, 3, 3, 100}) {
      h.observe(v);
    }
    StringBuilder out = new StringBuilder();
    h.write(out, "x", "model=\"m\",");
    assertEquals("""
        x_bucket{model="m",le="1"} 2
        x_bucket{model="m",le="2"} 2
        x_bucket{model="m",le="4"} 4
        x_bucket{model="m",le="+Inf"} 5
        x_sum{model="m"} 107.5
        x_count{model="m"} 5
        """, out.toString());
  }

  @Test
  void recentPercentilesUseNearestRankOverTheLastObservations() {
    RecentLatencies recent = new RecentLatencies(4);
    assertTrue(Double.isNaN(recent.quantiles(0.5)[0]));
    for (double v : new double[] {100, 1, 2, 3, 4}) {
      recent.add(v);
    }
    assertArrayEquals(new double[] {2, 4, 4}, recent.quantiles(0.5, 0.9, 0.99), "100 has left the window");
  }

  @Test
  void modelSeriesAndRequestCounts() {
    ServerMetrics metrics = new ServerMetrics();
    metrics.addModel("m", () -> 7);
    metrics.batch("m", 3);
    metrics.translated("m", 3, 2_000_000);
    metrics.request("/v1/translate", 200);
    metrics.request("/v1/translate", 200);
    String text = metrics.prometheus();
    assertTrue(text.contains("attento_requests_total{route=\"/v1/translate\",status=\"200\"} 2\n"), text);
    assertTrue(text.contains("attento_queue_length{model=\"m\"} 7\n"), text);
    assertTrue(text.contains("attento_sentences_total{model=\"m\"} 3\n"), text);
    assertTrue(text.contains("attento_batch_size_bucket{model=\"m\",le=\"4\"} 1\n"), text);
    assertTrue(text.contains("attento_translate_latency_seconds_bucket{le=\"0.005\"} 1\n"), text);
    assertTrue(text.contains("attento_translate_latency_recent_seconds{quantile=\"0.5\"} 0.002\n"), text);
    assertEquals(2, metrics.requestCount("/v1/translate", 200));
  }
}

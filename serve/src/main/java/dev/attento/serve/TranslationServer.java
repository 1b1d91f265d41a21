package dev.attento.serve;

import dev.attento.serve.api.Api;
import dev.attento.serve.api.ApiException;
import dev.attento.serve.api.Route;
import dev.attento.serve.batch.Batcher;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.TranslationEngine;
import dev.attento.serve.metrics.ServerMetrics;
import dev.attento.serve.web.Figure;
import dev.attento.serve.web.Figures;
import dev.attento.serve.web.WebPage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The translation server: the JSON API under {@code /v1}, Prometheus metrics at
 * {@code /metrics} and the web page at {@code /}, over Javalin (Jetty), with one batcher per
 * model. {@link #start} is the entry point:
 *
 * <pre>{@code
 * TranslationServer server = TranslationServer.start(engines, "127.0.0.1", 8080, ServerLimits.defaults());
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close));   // SIGTERM finishes in-flight requests
 * }</pre>
 */
public final class TranslationServer implements AutoCloseable {

  /** The host the server binds to unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);
  private static final String COUNTED = "attento.counted";

  private final ServerLimits limits;
  private final ServerMetrics metrics = new ServerMetrics();
  private final Map<String, Batcher> batchers = new LinkedHashMap<>();
  private final List<Route> routes = new ArrayList<>();
  private final Api api;
  private final Javalin app;
  private final String host;
  private volatile boolean ready;
  private boolean closed;

  private TranslationServer(List<TranslationEngine> engines, String host, ServerLimits limits, List<Figure> figures) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("the server needs at least one model");
    }
    this.limits = limits;
    this.host = host;
    Map<String, ModelInfo> models = new LinkedHashMap<>();
    for (TranslationEngine engine : engines) {
      ModelInfo info = engine.info();
      if (models.putIfAbsent(info.name(), info) != null) {
        throw new IllegalArgumentException("two models are named " + info.name());
      }
    }
    for (TranslationEngine engine : engines) {
      String name = engine.info().name();
      Batcher batcher = new Batcher(engine, limits.queueCapacity(), limits.batchWindowMs(), limits.maxBatchSize(),
          limits.continuousBatching(), (sentences, nanos) -> metrics.batch(name, sentences));
      batchers.put(name, batcher);
      metrics.addModel(name, batcher::queueLength);
    }
    this.api = new Api(batchers, models, limits, metrics, () -> ready);
    routes.addAll(api.routes());
    routes.addAll(WebPage.routes());
    routes.addAll(Figures.routes(figures));
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = limits.maxBodyBytes();
      config.http.disableCompression();
      // Jetty's graceful stop (stop() sets its timeout): the connector stops accepting and the stop waits until every
      // dispatched request has completed, to its last byte, before connections close.
      config.jetty.modifyServer(server -> server.setHandler(new StatisticsHandler()));
    });
    for (Route route : routes) {
      app.addHttpHandler(route.method(), route.path(), counted(route.path(), route.handler()));
    }
    app.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage(), e.field()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.endpointHandlerPath(), e);
      answer(ctx, 500, "internal error: " + e.getMessage(), null);
    });
    app.error(404, ctx -> {
      if (ctx.attribute(COUNTED) == null) {
        metrics.request("unmatched", 404);
        answer(ctx, 404, "no route " + ctx.method() + " " + cut(ctx.path()) + " (GET /v1/openapi.json lists them)",
            null);
      }
    });
  }

  /**
   * Starts a server and returns once it accepts connections.
   *
   * @param engines the models to serve, with distinct names
   * @param host the address to bind to; {@link #DEFAULT_HOST} keeps the server to this machine
   * @param port the port, 0 for any free one ({@link #port()} tells which)
   */
  public static TranslationServer start(List<TranslationEngine> engines, String host, int port, ServerLimits limits) {
    return start(engines, host, port, limits, List.of());
  }

  /**
   * As {@link #start(List, String, int, ServerLimits)}, with figures the page shows beside the
   * translations (e.g. the quality-by-length chart of the compare run the models come from).
   */
  public static TranslationServer start(List<TranslationEngine> engines, String host, int port, ServerLimits limits,
                                        List<Figure> figures) {
    TranslationServer server = new TranslationServer(List.copyOf(engines), host, limits, List.copyOf(figures));
    try {
      server.app.start(host, port);
    } catch (RuntimeException e) {
      server.batchers.values().forEach(b -> b.close(Duration.ZERO));
      throw e;
    }
    server.ready = true;
    return server;
  }

  /** {@link #start(List, String, int, ServerLimits)} on {@link #DEFAULT_HOST} with default limits. */
  public static TranslationServer start(List<TranslationEngine> engines, int port) {
    return start(engines, DEFAULT_HOST, port, ServerLimits.defaults());
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The server's base address, e.g. {@code http://127.0.0.1:8080/} (this machine's, if bound to all addresses). */
  public URI uri() {
    String h = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? DEFAULT_HOST : host;
    return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port() + "/");
  }

  /** The server's routes, as registered (the test of the OpenAPI document reads them). */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The server's metrics. */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** Sentences waiting in a model's queue. */
  public int queueLength(String model) {
    return batchers.get(model).queueLength();
  }

  /**
   * Stops gracefully: readiness turns false and new translate requests get 503, queued
   * sentences are decoded and in-flight requests answered, waiting at most {@code grace};
   * then the server stops.
   */
  public synchronized void stop(Duration grace) {
    if (closed) {
      return;
    }
    closed = true;
    ready = false;
    long deadline = System.nanoTime() + grace.toNanos();
    batchers.values().forEach(b -> b.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
    app.jettyServer().server().setStopTimeout(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    app.stop();
  }

  /** {@link #stop(Duration)} with the request timeout as grace: no admitted request is cut off. */
  @Override
  public void close() {
    stop(limits.requestTimeout().plusSeconds(1));
  }

  private Handler counted(String route, Handler handler) {
    return ctx -> {
      ctx.attribute(COUNTED, Boolean.TRUE);
      try {
        handler.handle(ctx);
        metrics.request(route, ctx.statusCode());
      } catch (ApiException e) {
        metrics.request(route, e.status());
        throw e;
      } catch (Exception e) {
        metrics.request(route, 500);
        throw e;
      }
    };
  }

  private void answer(Context ctx, int status, String message, String field) {
    ctx.status(status).contentType("application/json").result(api.error(status, message, field));
  }

  private static String cut(String s) {
    return (s.length() > 100 ? s.substring(0, 100) + "…" : s).replaceAll("\\p{Cntrl}", "?");
  }
}

package dev.attento.serve.api;

import dev.attento.serve.ServerLimits;
import dev.attento.serve.batch.Batcher;
import dev.attento.serve.batch.RejectedException;
import dev.attento.serve.batch.Submission;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.metrics.ServerMetrics;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** The JSON API's routes: translate, models, health, readiness, metrics and the OpenAPI document. */
public final class Api {

  /** Where the OpenAPI document is on the class path. */
  static final String OPENAPI_RESOURCE = "/dev/attento/serve/api/openapi.json";

  private static final String JSON = "application/json";

  private final Map<String, Batcher> batchers;
  private final Map<String, ModelInfo> models;
  private final ServerLimits limits;
  private final ServerMetrics metrics;
  private final BooleanSupplier ready;
  private final RequestParser parser;
  private final Responses responses = new Responses();
  private final byte[] openapi;

  /**
   * Creates the API.
   *
   * @param batchers each model's batcher by model name
   * @param models each model's description by name, in the order {@code /v1/models} lists them
   * @param ready whether the server takes translate requests (false while starting or stopping)
   */
  public Api(Map<String, Batcher> batchers, Map<String, ModelInfo> models, ServerLimits limits, ServerMetrics metrics,
             BooleanSupplier ready) {
    this.batchers = Map.copyOf(batchers);
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    this.limits = limits;
    this.metrics = metrics;
    this.ready = ready;
    this.parser = new RequestParser(limits, models.keySet());
    this.openapi = resource(OPENAPI_RESOURCE);
  }

  /** The API's routes. */
  public List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/translate", this::translate),
        new Route(HandlerType.GET, "/v1/models", ctx -> ctx.contentType(JSON).result(responses.models(models.values(),
            limits))),
        new Route(HandlerType.GET, "/v1/health", ctx -> ctx.contentType(JSON).result(responses.status("ok"))),
        new Route(HandlerType.GET, "/v1/ready", this::readiness),
        new Route(HandlerType.GET, "/v1/openapi.json", ctx -> ctx.contentType(JSON).result(openapi)),
        new Route(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(metrics.prometheus())));
  }

  /** The JSON body of an error answer. */
  public String error(int status, String message, String field) {
    return responses.error(status, message, field);
  }

  private void readiness(Context ctx) {
    boolean isReady = ready.getAsBoolean();
    ctx.status(isReady ? 200 : 503).contentType(JSON).result(responses.status(isReady ? "ready" : "not ready"));
  }

  private void translate(Context ctx) throws IOException {
    long start = System.nanoTime();
    if (!ready.getAsBoolean()) {
      throw new ApiException(503, "the server is not taking requests (starting or shutting down)", null);
    }
    String declared = ctx.header("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      throw new ApiException(400, "invalid Content-Length header", null);
    }
    TranslateRequest request = parser.parse(BoundedBody.read(ctx.bodyInputStream(), length, limits.maxBodyBytes()));
    Submission submission;
    try {
      submission = batchers.get(request.model()).submit(request.texts(), request.options());
    } catch (RejectedException e) {
      ctx.header("Retry-After", "1");
      throw new ApiException(503, e.getMessage(), null);
    }
    List<SentenceResult> results;
    try {
      results = submission.await(limits.requestTimeout());
    } catch (TimeoutException e) {
      throw new ApiException(504, "no translation within " + limits.requestTimeout().toMillis()
          + " ms (requestTimeout); the server is busy, retry later", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the server is shutting down", null);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof CancellationException) {
        throw new ApiException(503, "the server stopped before translating this request", null);
      }
      throw new IllegalStateException("model " + request.model() + " failed: " + cause, cause);
    }
    long elapsed = System.nanoTime() - start;
    metrics.translated(request.model(), request.texts().size(), elapsed);
    ctx.contentType(JSON).result(responses.translations(request, results, elapsed / 1e6));
  }

  /** A class-path resource's bytes; a missing one is a packaging bug. */
  public static byte[] resource(String path) {
    try (InputStream in = Api.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

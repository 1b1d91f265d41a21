package dev.attento.cli;

import dev.attento.cli.report.MetricsLog;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.TranslationEngine;
import dev.attento.serve.model.BundleEngine;
import dev.attento.serve.web.Figure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento serve}: trained runs behind a JSON API ({@code /v1/...}, described at
 * {@code /v1/openapi.json}) and a web page at {@code /} that translates as you type and shows
 * the attention. Runs until SIGINT/SIGTERM, then finishes the requests in flight.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve trained models: a JSON API (/v1/translate, /v1/models, /metrics, /v1/openapi.json)",
        "and a web page at / that translates as you type and shows the attention as a heatmap."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "RUN",
      description = "Run (or checkpoint) directory to serve; repeat for several models (named after the directory);"
          + " runs/NAME is the latest run of that name (NAME-2, NAME-3, …).")
  List<Path> runs;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host = TranslationServer.DEFAULT_HOST;

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port = 8080;

  @Option(names = "--batch-window-ms", paramLabel = "MS",
      description = "Gather concurrent requests for at most this long into one batched decode; 0: no batching "
          + "(default: ${DEFAULT-VALUE}).")
  int batchWindowMs = ServerLimits.defaults().batchWindowMs();

  @Option(names = "--continuous-batching",
      description = "Greedy sentences (beam 1) join the running batch between its decoding steps instead of waiting "
          + "for the next batch: more throughput for a large model, less for a small one (docs/serving.md).")
  boolean continuousBatching;

  @Option(names = "--queue", paramLabel = "SENTENCES",
      description = "Sentences waiting per model before requests get 503 (default: ${DEFAULT-VALUE}).")
  int queue = ServerLimits.defaults().queueCapacity();

  @Option(names = "--timeout-s", paramLabel = "SECONDS", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds = (int) ServerLimits.defaults().requestTimeout().toSeconds();

  @Mixin
  PluginsOption plugins;

  @Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new UserError("--port must be between 0 and 65535, got " + port);
    }
    if (batchWindowMs < 0 || queue < 1 || timeoutSeconds < 1) {
      throw new UserError("--batch-window-ms must be at least 0, --queue and --timeout-s at least 1");
    }
    Kernels kernels = compute.kernels();
    List<TranslationEngine> engines = new ArrayList<>();
    for (Path run : RunDirectory.latest(runs, spec.commandLine().getErr())) {
      ModelBundle model = Checkpoints.loadModel(run, plugins.dir(), plugins.pinPolicy());
      engines.add(new BundleEngine(info(run, model), model, kernels));
    }
    ServerLimits limits = ServerLimits.defaults().withBatchWindowMs(batchWindowMs)
        .withContinuousBatching(continuousBatching).withQueueCapacity(queue)
        .withRequestTimeout(Duration.ofSeconds(timeoutSeconds));
    TranslationServer server;
    try {
      server = TranslationServer.start(engines, host, port, limits, compareFigures());
    } catch (RuntimeException e) {
      throw new UserError("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close(); // finishes the requests in flight
      stopped.countDown();
    }, "attento-serve-stop"));
    PrintWriter err = spec.commandLine().getErr();
    err.println("attento: serving " + engines.stream().map(e -> e.info().name()).toList() + " on http://"
        + host + ":" + server.port() + "/ (Ctrl-C to stop)");
    err.flush();
    stopped.await();
    return 0;
  }

  /**
   * The quality-by-length chart of the {@code attento compare} run the served runs come from
   * (they are the folders of one compare directory), so the page shows it beside the
   * translations; nothing otherwise.
   */
  private List<Figure> compareFigures() throws IOException {
    Path parent = runs.get(0).toAbsolutePath().normalize().getParent();
    for (Path run : runs) {
      if (parent == null || !parent.equals(run.toAbsolutePath().normalize().getParent())) {
        return List.of();
      }
    }
    Path chart = parent.resolve("quality-by-length.png");
    if (runs.size() < 2 || !Files.isRegularFile(chart)) {
      return List.of();
    }
    return List.of(new Figure("quality-by-length", "Quality by source length (attento compare, " + parent.getFileName()
        + ")", Files.readAllBytes(chart)));
  }

  /** What the model list shows: name, architecture, training steps and the dev scores at that step. */
  private static ModelInfo info(Path run, ModelBundle model) throws IOException {
    Path checkpoint = Checkpoints.resolve(run);
    Path runDir = Files.isRegularFile(run.resolve("config.json")) ? run : checkpoint.getParent().getParent();
    long steps = Checkpoints.stepOf(checkpoint);
    Map<String, Double> scores = new LinkedHashMap<>();
    if (Files.isRegularFile(runDir.resolve("metrics.csv"))) {
      for (double[] dev : MetricsLog.read(runDir).dev()) { // step, loss, exact, bleu, chrf
        if (dev[0] <= steps) {
          scores.put("loss", dev[1]);
          scores.put("exact", dev[2]);
          scores.put("bleu", dev[3]);
          scores.put("chrf", dev[4]);
        }
      }
    }
    ModelConfig c = model.config();
    String name = runDir.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return new ModelInfo(name.length() > 64 ? name.substring(0, 64) : name, c.cell(), c.attention(), c.sourceVocab(),
        c.targetVocab(), steps, scores);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}

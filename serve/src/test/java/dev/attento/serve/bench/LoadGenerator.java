package dev.attento.serve.bench;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.serve.FakeEngine;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.model.BundleEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Load generator: starts a server over a fake engine whose cost is like a batched decode
 * (a fixed cost per batch plus a little per sentence), or over a trained run ({@code --run
 * DIR}: its model, decoding the default task's English number words), then runs N clients over
 * loopback for T seconds, each sending one sentence per request and waiting for the answer
 * before the next, without dynamic batching and then with it ({@code --rounds} times). Prints
 * throughput and latency percentiles. {@code --threads} sizes the trained model's worker pool
 * (default: one thread a core); {@code --threads 1} gives both modes one decoding thread, so
 * on a loaded machine the scheduler's share of cores cannot favour the batched mode's two.
 * {@code --continuous} batches greedy sentences (beam 1) of a trained run continuously.
 *
 * <pre>
 * LoadGenerator [--clients 32] [--seconds 10] [--warmup 3] [--window-ms 5] [--max-batch 32]
 *               [--batch-ms 20] [--sentence-ms 0.2] [--run DIR] [--beam 4] [--threads N] [--rounds 1]
 *               [--continuous]
 * </pre>
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  /** One run's outcome. */
  record Run(String name, long requests, long errors, double seconds, long[] latenciesNanos, double meanBatch) {
    double throughput() {
      return requests / seconds;
    }

    double percentileMs(double q) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank))] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = intArg(args, "--clients", 32);
    int seconds = intArg(args, "--seconds", 10);
    int warmup = intArg(args, "--warmup", 3);
    int windowMs = intArg(args, "--window-ms", 5);
    int maxBatch = intArg(args, "--max-batch", 32);
    double batchMs = doubleArg(args, "--batch-ms", 20);
    double sentenceMs = doubleArg(args, "--sentence-ms", 0.2);
    int beam = intArg(args, "--beam", 4);
    int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    int rounds = intArg(args, "--rounds", 1);
    String run = stringArg(args, "--run");
    boolean continuous = List.of(args).contains("--continuous");
    Supplier<CountingEngine> engines;
    if (run == null) {
      System.out.printf(Locale.ROOT, "%d clients, %d s (after %d s warm-up), fake decode %.1f ms per batch + %.2f ms per "
          + "sentence%n", clients, seconds, warmup, batchMs, sentenceMs);
      engines = () -> new CountingEngine(new FakeEngine("load", (long) (batchMs * 1e6), (long) (sentenceMs * 1e6)));
    } else {
      ModelBundle model = Checkpoints.loadModel(Path.of(run), null);
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, WorkerPool.create(threads));
      System.out.printf(Locale.ROOT, "%d clients, %d s (after %d s warm-up), run %s, beam %d, %s%n", clients, seconds,
          warmup, run, beam, kernels.describe());
      ModelInfo info = new ModelInfo("load", model.config().cell(), model.config().attention(),
          model.config().sourceVocab(), model.config().targetVocab(), 0, java.util.Map.of());
      engines = () -> new CountingEngine(new BundleEngine(info, model, kernels));
    }
    List<String> sentences = ToyTasks.byName("numbers").generate(1000, 7).stream().map(p -> p.source()).toList();
    ServerLimits base = ServerLimits.defaults().withMaxBatchSize(maxBatch);
    List<Run> runs = new ArrayList<>();
    // Off and on alternate for --rounds rounds, so a load that changes during the test falls on both.
    for (int r = 0; r < rounds; r++) {
      runs.add(run("batching off", base.withBatchWindowMs(0), clients, seconds, warmup, engines.get(), sentences, beam));
      runs.add(run("batching on (" + windowMs + " ms window" + (continuous ? ", continuous)" : ")"),
          base.withBatchWindowMs(windowMs).withContinuousBatching(continuous), clients, seconds, warmup, engines.get(),
          sentences, beam));
    }
    System.out.println();
    System.out.println("| mode | requests/s | p50 ms | p99 ms | mean batch | errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Run r : runs) {
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", r.name(), r.throughput(),
          r.percentileMs(0.5), r.percentileMs(0.99), r.meanBatch(), r.errors());
    }
    for (int r = 0; r < rounds; r++) {
      System.out.printf(Locale.ROOT, "%nthroughput with batching / without%s: %.1fx", rounds > 1 ? " (round " + (r + 1) + ")" : "",
          runs.get(2 * r + 1).throughput() / runs.get(2 * r).throughput());
    }
    System.out.println();
  }

  private static Run run(String name, ServerLimits limits, int clients, int seconds, int warmup, CountingEngine engine,
                         List<String> sentences, int beam) throws InterruptedException {
    try (TranslationServer server = TranslationServer.start(List.of(engine), "127.0.0.1", 0, limits)) {
      URI uri = server.uri().resolve("/v1/translate");
      long start = System.nanoTime();
      long measureFrom = start + warmup * 1_000_000_000L;
      long end = measureFrom + seconds * 1_000_000_000L;
      AtomicLong errors = new AtomicLong();
      List<long[]> perClient = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        int client = c;
        perClient.add(null);
        Thread t = new Thread(() -> {
          perClient.set(client, clientLoop(uri, client, measureFrom, end, errors, sentences, beam));
          done.countDown();
        }, "client-" + c);
        t.start();
      }
      Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
      List<Integer> sizesAtStart = engine.batchSizes();
      done.await();
      List<Integer> sizes = engine.batchSizes().subList(sizesAtStart.size(), engine.batchSizes().size());
      long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      double meanBatch = sizes.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
      return new Run(name, all.length, errors.get(), seconds, all, meanBatch);
    }
  }

  /**
   * Sends one sentence per request until {@code end}; returns the latencies of the requests that
   * finished between {@code from} and {@code end} (throughput counts the same requests).
   */
  private static long[] clientLoop(URI uri, int client, long from, long end, AtomicLong errors, List<String> sentences,
                                   int beam) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long[] latencies = new long[1024];
    int n = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      String body = "{\"model\": \"load\", \"text\": \"" + sentences.get((client * 31 + i) % sentences.size())
          + "\", \"beam\": " + beam + "}";
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        if (r.statusCode() != 200) {
          errors.incrementAndGet();
        } else if (t1 >= from && t1 <= end) {
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = t1 - t0;
        }
      } catch (Exception e) {
        errors.incrementAndGet();
      }
    }
    return Arrays.copyOf(latencies, n);
  }

  private static String stringArg(String[] args, String name) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }

  private static int intArg(String[] args, String name, int otherwise) {
    return (int) doubleArg(args, name, otherwise);
  }

  private static double doubleArg(String[] args, String name, double otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Double.parseDouble(args[i + 1]);
      }
    }
    return otherwise;
  }
}

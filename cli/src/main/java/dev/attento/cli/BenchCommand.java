package dev.attento.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attento.core.bench.GemmBench;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.core.optim.Adam;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.decode.GreedySearch;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.tasks.SymbolSequenceTask;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import dev.attento.seq2seq.train.BatchGradients;
import dev.attento.seq2seq.train.ShardTimings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento bench}: the workloads of the PyTorch reference benchmarks (../shared/pytorch)
 * — reversal task, 32 symbols, lengths 5–25, embedding 64, hidden 256, one layer, batch 64,
 * Adam 1e-3, clip 1.0 — for {lstm, gru} × {fixed context, Luong-general attention with input
 * feeding}: training target tokens/s and ms/step after warm-up, peak RSS, greedy decoding
 * sentences/s at batch 1 and 64 (max length 30), and GEMM GFLOP/s.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmark training, decoding and GEMM on the PyTorch reference workloads.")
final class BenchCommand implements Callable<Integer> {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Option(names = "--variants", split = ",", defaultValue = "lstm:fixed,lstm:attention,gru:fixed,gru:attention",
      description = "Variants CELL:fixed|attention; CELL may be a plugin's (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @Option(names = "--steps", defaultValue = "60", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "15", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--decode", defaultValue = "200", description = "Sentences decoded at batch 1, 0 for none (default: ${DEFAULT-VALUE}).")
  int decodeSentences;

  @Option(names = "--skip", split = ",", description = "Parts to skip: train, decode, gemm.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--batching", defaultValue = "random",
      description = "Training batches: random (lengths mixed in each batch, as the PyTorch reference) or bucketed "
          + "(similar lengths together, as `attento train` does) (default: ${DEFAULT-VALUE}).")
  String batching;

  @Option(names = "--profile", description = "After each training benchmark, print where the steps' time went "
      + "(thread CPU time of each shard, the join, the serial parts, collection pauses).")
  boolean profile;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @picocli.CommandLine.Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> doc = new LinkedHashMap<>();
    Kernels kernels = compute.kernels();
    doc.put("kernel", kernels.describe());
    doc.put("java", System.getProperty("java.version"));
    if (!batching.equals("random") && !batching.equals("bucketed")) {
      throw new UserError("--batching must be random or bucketed, not " + batching);
    }
    doc.put("batching", batching);
    List<Map<String, Object>> rows = new ArrayList<>();
    SymbolSequenceTask task = SymbolSequenceTask.reverse(32, 5, 25);
    List<Example> train = encode(task, 64 * 100, 1);
    List<Example> held = encode(task, 1024, 777);
    for (String v : variants) {
      String[] p = v.split(":");
      boolean attention = p.length > 1 && p[1].equals("attention");
      ModelConfig config = new ModelConfig(p[0], Map.of(), 36, 36, 64, 256, 1, false, false, 0f,
          attention ? "luong-general" : "none", attention, false, false);
      Translator model = Translators.build(config, 0, plugins.dir());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("variant", v);
      row.put("parameters", model.parameters().count());
      if (!skip.contains("train")) {
        trainBench(model, train, kernels, row, v, out);
        row.put("peak_rss_mb", peakRssMb()); // of the process so far: one variant per JVM measures it alone
      }
      if (!skip.contains("decode")) {
        decodeBench(model, held, kernels, row);
      }
      rows.add(row);
      if (!json) {
        out.println(format(row));
        out.flush();
      }
    }
    doc.put("variants", rows);
    if (!skip.contains("gemm")) {
      List<Map<String, Object>> gemm = new ArrayList<>();
      int[][] shapes = {{64, 320, 1024}, {64, 256, 1024}, {64, 1024, 256}, {1024, 1024, 1024}, {1, 320, 1024}};
      for (GemmBench.Result r : GemmBench.run(kernels.gemm(), shapes, 40, 7)) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("m", r.m());
        g.put("k", r.k());
        g.put("n", r.n());
        g.put("layout", r.transB() ? "x·Wᵀ" : "A·B");
        g.put("gflops", Math.round(r.gflops() * 10) / 10.0);
        gemm.add(g);
        if (!json) {
          out.printf(Locale.ROOT, "gemm %5d x %5d x %5d %-4s %7.1f GFLOP/s%n", r.m(), r.k(), r.n(), r.transB() ? "NT" : "NN",
              r.gflops());
          out.flush();
        }
      }
      doc.put("gemm", gemm);
    }
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      out.println("kernel: " + kernels.describe() + ", Java " + System.getProperty("java.version"));
    }
    out.flush();
    return 0;
  }

  private static List<Example> encode(SymbolSequenceTask task, int count, long seed) {
    var tok = TokenizerSpec.parse("word").create();
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      all.add(List.of("s" + i));
    }
    Vocabulary v = Vocabulary.build(all, 1, 100);
    List<Example> out = new ArrayList<>();
    var pairs = task.generate(count, seed);
    for (int i = 0; i < pairs.size(); i++) {
      out.add(new Example(i, v.encode(tok.tokenize(pairs.get(i).source())), v.encode(tok.tokenize(pairs.get(i).target()))));
    }
    return out;
  }

  private void trainBench(Translator model, List<Example> train, Kernels kernels, Map<String, Object> row, String variant,
                          PrintWriter out) {
    List<Tensor> params = model.parameters().tensors();
    ShardTimings timings = profile ? new ShardTimings() : null;
    BatchGradients gradients = new BatchGradients(model, kernels, 0, timings);
    StepBreakdown breakdown = profile ? new StepBreakdown(kernels.threads()) : null;
    Adam adam = Adam.adam(params, 1e-3, 0f);
    UniformRandomProvider dropoutFree = Randomness.create(0); // the benchmark models have no dropout
    Iterator<Batch> plan = batches(train);
    long tokens = 0;
    long start = 0;
    double[] ms = new double[steps];
    double[] cpuMs = new double[steps];
    for (int s = 0; s < warmup + steps; s++) {
      if (s == warmup) {
        tokens = 0;
        start = System.nanoTime();
        if (breakdown != null) {
          breakdown.start();
        }
      }
      long t0 = System.nanoTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      Batch b = plan.next();
      long cpu1 = profile ? THREADS.getCurrentThreadCpuTime() : 0;
      BatchGradients.Result r = gradients.compute(b, dropoutFree);
      long cpu2 = profile ? THREADS.getCurrentThreadCpuTime() : 0;
      GradientClipping.clipByGlobalNorm(params, r.gradients(), 1.0, kernels.pool());
      long cpu3 = profile ? THREADS.getCurrentThreadCpuTime() : 0;
      adam.step(r.gradients(), kernels.pool());
      tokens += b.targetTokens();
      if (breakdown != null && s >= warmup) {
        long cpu4 = THREADS.getCurrentThreadCpuTime();
        breakdown.add(System.nanoTime() - t0, cpu1 - cpu0, cpu3 - cpu2, cpu4 - cpu3, timings);
      }
      if (s >= warmup) {
        ms[s - warmup] = (System.nanoTime() - t0) / 1e6;
        cpuMs[s - warmup] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    java.util.Arrays.sort(ms);
    row.put("train_tokens_per_s", Math.round(tokens / seconds));
    row.put("train_ms_per_step_median", Math.round(ms[steps / 2] * 10) / 10.0);
    java.util.Arrays.sort(cpuMs);
    // The calling thread's CPU time: with one core (-XX:ActiveProcessorCount=1) the whole cost
    // of a step, and unlike wall time not inflated by other processes, so A/B comparisons on a
    // busy machine use it.
    row.put("train_main_thread_cpu_ms_per_step_median", Math.round(cpuMs[steps / 2] * 10) / 10.0);
    if (breakdown != null) {
      out.println(breakdown.format(variant));
    }
  }

  /**
   * Random batching pads every sentence to the longest of 64 random lengths, as the PyTorch
   * reference's {@code make_batch} does; bucketed batching is what training uses by default.
   */
  private Iterator<Batch> batches(List<Example> train) {
    if (batching.equals("bucketed")) {
      BatchPlan plan = new BatchPlan(train, 64, 1);
      return Stream.generate(plan::next).iterator();
    }
    List<Batch> all = BatchPlan.sequential(train, 64);
    return Stream.iterate(0, i -> (i + 1) % all.size()).map(all::get).iterator();
  }

  private void decodeBench(Translator model, List<Example> held, Kernels kernels, Map<String, Object> row) {
    // PyTorch's fixed30 mode: 30 decoder steps whatever the model emits.
    DecodingOptions fixed30 = new DecodingOptions(1, 0, 0, 30, false);
    for (int batch : new int[] {1, 64}) {
      int sentences = batch == 1 ? decodeSentences : held.size();
      List<Batch> batches = BatchPlan.sequential(held.subList(0, Math.min(held.size(), sentences)), batch);
      if (batches.isEmpty()) {
        continue; // --decode 0: batch 64 only
      }
      // Warm-up until the JIT has compiled the decoding paths (at least 5 batches and 2 s):
      // otherwise a short measurement shares the cores with C2 and times the compiler.
      long warmUntil = System.nanoTime() + 2_000_000_000L;
      Forward warm = Forward.inference(kernels); // one pass for a whole test set, as eval and translate do
      for (int w = 0; w < 5 || System.nanoTime() < warmUntil; w++) {
        GreedySearch.decode(warm, model, batches.get(w % batches.size()).source(), fixed30);
      }
      long t0 = System.nanoTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      int n = 0;
      Forward fwd = Forward.inference(kernels);
      for (Batch b : batches) {
        n += GreedySearch.decode(fwd, model, b.source(), fixed30).size();
      }
      row.put("decode_batch" + batch + "_sentences_per_s", Math.round(n / ((System.nanoTime() - t0) / 1e9)));
      row.put("decode_batch" + batch + "_main_thread_cpu_ms_per_sentence",
          Math.round((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e5 / n) / 10.0);
    }
  }

  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static String format(Map<String, Object> row) {
    return String.format(Locale.ROOT, "%-16s train %8s tok/s %7s ms/step | decode b1 %6s sent/s, b64 %6s sent/s | training peak RSS %s MB",
        row.get("variant"), row.getOrDefault("train_tokens_per_s", "-"), row.getOrDefault("train_ms_per_step_median", "-"),
        row.getOrDefault("decode_batch1_sentences_per_s", "-"), row.getOrDefault("decode_batch64_sentences_per_s", "-"),
        row.getOrDefault("peak_rss_mb", "-"));
  }
}

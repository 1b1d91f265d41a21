package dev.attento.serve;

import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.Hypothesis;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * A deterministic stand-in for a trained model: it "translates" by reversing the words, so
 * target word t is source word n-1-t and attends to it with weight 0.9 (the rest spread
 * evenly). Hypothesis k of an n-best list adds {@code k} exclamation marks. It records the
 * size of every batch, can charge a decoding cost per batch (as a batched decode costs about
 * the same for 1 or 32 sentences) plus a little per sentence, and can be held at a gate so
 * that tests decide when a batch finishes.
 */
public final class FakeEngine implements TranslationEngine {

  /** The attention weight of a target word's own source word. */
  public static final double ALIGNED = 0.9;

  private final ModelInfo info;
  private final long nanosPerBatch;
  private final long nanosPerSentence;
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private final List<DecodeOptions> batchOptions = new CopyOnWriteArrayList<>();
  private volatile Semaphore gate;

  /** An instant engine named {@code name}. */
  public FakeEngine(String name) {
    this(name, 0, 0);
  }

  /** An engine that spends {@code nanosPerBatch + n · nanosPerSentence} on a batch of n sentences. */
  public FakeEngine(String name, long nanosPerBatch, long nanosPerSentence) {
    this.info = new ModelInfo(name, "lstm", "bahdanau", 40, 42, 1500, Map.of("bleu", 12.5, "chrf", 40.25));
    this.nanosPerBatch = nanosPerBatch;
    this.nanosPerSentence = nanosPerSentence;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** From now on each batch waits for a {@link #release} before it is decoded. */
  public void hold() {
    gate = new Semaphore(0);
  }

  /** Lets {@code batches} held batches through. */
  public void release(int batches) {
    gate.release(batches);
  }

  /** Stops holding batches and lets every waiting one through. */
  public void open() {
    Semaphore g = gate;
    gate = null;
    if (g != null) {
      g.release(Integer.MAX_VALUE / 2);
    }
  }

  /** Whether a batch is waiting at the gate. */
  public boolean batchWaiting() {
    Semaphore g = gate;
    return g != null && g.hasQueuedThreads();
  }

  /** The sizes of the batches decoded so far (and of the one at the gate), in order. */
  public List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  /** The options of each batch, in order. */
  public List<DecodeOptions> batchOptions() {
    return List.copyOf(batchOptions);
  }

  @Override
  public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
    batchSizes.add(sources.size());
    batchOptions.add(options);
    Semaphore g = gate;
    if (g != null) {
      g.acquireUninterruptibly();
    }
    long cost = nanosPerBatch + nanosPerSentence * sources.size();
    if (cost > 0) {
      long end = System.nanoTime() + cost;
      for (long left = cost; left > 0; left = end - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }
    List<SentenceResult> out = new ArrayList<>(sources.size());
    for (String source : sources) {
      out.add(translate(source, options));
    }
    return out;
  }

  /** The result one sentence gets, whatever batch it is in. */
  public static SentenceResult translate(String source, DecodeOptions options) {
    List<String> words = Arrays.asList(source.strip().split("\\s+"));
    List<String> reversed = new ArrayList<>(words);
    Collections.reverse(reversed);
    reversed = reversed.subList(0, Math.min(reversed.size(), options.maxLength()));
    List<Hypothesis> hyps = new ArrayList<>();
    for (int k = 0; k < options.nbest(); k++) {
      List<String> tokens = new ArrayList<>(reversed);
      if (k > 0) {
        tokens.add("!".repeat(k));
      }
      double score = -0.1 * tokens.size() - k - 0.01 * options.lengthPenalty() - 0.001 * options.beam();
      hyps.add(new Hypothesis(String.join(" ", tokens), score, tokens,
          options.attention() ? attention(tokens.size(), words.size()) : null));
    }
    return new SentenceResult(words, hyps);
  }

  private static List<List<Double>> attention(int targets, int sources) {
    List<List<Double>> rows = new ArrayList<>();
    for (int t = 0; t < targets; t++) {
      int aligned = Math.max(0, sources - 1 - t);
      double rest = sources == 1 ? 0 : (1 - ALIGNED) / (sources - 1);
      List<Double> row = new ArrayList<>();
      for (int s = 0; s < sources; s++) {
        row.add(sources == 1 ? 1.0 : s == aligned ? ALIGNED : rest);
      }
      rows.add(row);
    }
    return rows;
  }
}

package dev.attento.seq2seq.train;

import dev.attento.core.autodiff.Gradients;
import dev.attento.core.autodiff.Tape;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.memory.StepArena;
import dev.attento.core.ops.Forward;
import dev.attento.core.ops.PackedWeights;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.model.Translator;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The loss of a batch and its gradients with respect to every parameter, computed on all the
 * pool's threads: the batch is split into one shard per thread ({@link BatchShards}); each
 * shard runs forward recorded on a {@link Tape} of its own and runs its own backward pass,
 * its loss weighted by its share of the batch's target tokens; the shards' {@link Gradients}
 * are then summed in shard order, element by element, the elements sliced over the pool. The sum's order is fixed, so a given thread count gives the
 * same numbers on every run; different thread counts agree within float rounding.
 *
 * <p>Scheduled sampling feeds the model's own greedy choices back step by step, so that loss
 * is computed in one piece on the calling thread (its products still use the pool).
 *
 * <p>Memory is reused from batch to batch: each shard keeps its {@link Gradients} and a
 * {@link StepArena} for its activations and intermediate gradients, reset when the shard's
 * next batch starts. A result is therefore valid until the next call, and nothing computed in
 * a step may be kept beyond it.
 */
public final class BatchGradients {

  /**
   * A batch's mean loss per target token and, if that loss is finite, its gradients.
   *
   * @param loss the loss
   * @param gradients the gradients, or {@code null} when the loss is NaN or infinite
   */
  public record Result(double loss, Gradients gradients) {}

  private final Translator model;
  private final List<Tensor> parameters;
  private final Kernels kernels;
  private final double labelSmoothing;
  private final Gradients[] shardGradients;
  private final StepArena[] shardMemory;
  /** Where the last call's time went, or {@code null}: training does not measure. */
  private final ShardTimings timings;

  /** Gradients of {@code model}'s plain cross-entropy, computed with {@code kernels} and its pool. */
  public BatchGradients(Translator model, Kernels kernels) {
    this(model, kernels, 0);
  }

  /**
   * Gradients of {@code model}'s training loss, computed with {@code kernels} and its pool.
   *
   * @param labelSmoothing ε of the label-smoothed cross-entropy (0: plain cross-entropy)
   */
  public BatchGradients(Translator model, Kernels kernels, double labelSmoothing) {
    this(model, kernels, labelSmoothing, null);
  }

  /**
   * Gradients of {@code model}'s training loss that also account for where each call's time
   * goes: a diagnostic for benchmarks.
   *
   * @param timings filled by every {@link #compute} call, or {@code null} for none
   */
  public BatchGradients(Translator model, Kernels kernels, double labelSmoothing, ShardTimings timings) {
    this.model = model;
    this.timings = timings;
    this.labelSmoothing = labelSmoothing;
    this.parameters = model.parameters().tensors();
    this.kernels = kernels;
    this.shardGradients = new Gradients[kernels.threads()];
    this.shardMemory = new StepArena[kernels.threads()];
    for (int i = 0; i < shardGradients.length; i++) {
      shardGradients[i] = new Gradients();
      shardMemory[i] = new StepArena();
    }
  }

  /**
   * The teacher-forced loss of {@code batch} and its gradients.
   *
   * @param dropout the run's dropout generator: the first shard draws from it, the others
   *     from generators seeded by it before any shard starts
   */
  public Result compute(Batch batch, UniformRandomProvider dropout) {
    long splitCpu = timings == null ? 0 : timings.cpuNow();
    List<BatchShards.Shard> shards = BatchShards.split(batch, kernels.threads());
    UniformRandomProvider[] random = new UniformRandomProvider[shards.size()];
    random[0] = dropout;
    for (int i = 1; i < random.length; i++) {
      // Drawn before any shard runs, so the run's generator advances the same way every time.
      random[i] = Randomness.create(dropout.nextLong());
    }
    Forward pass = new Forward(null, kernels, new PackedWeights(), null);
    double[] losses = new double[shards.size()];
    if (timings != null) {
      timings.begin(shards.size(), timings.cpuNow() - splitCpu, System.nanoTime());
    }
    kernels.pool().forEach(shards.size(), i -> {
      long cpu = timings == null ? 0 : timings.cpuNow();
      long start = timings == null ? 0 : System.nanoTime();
      BatchShards.Shard shard = shards.get(i);
      Gradients g = shardGradients[i];
      g.clear();
      StepArena memory = shardMemory[i];
      memory.reset(); // the previous step is over: its loss, gradients and update are done
      Tape tape = Tape.watching(parameters, memory);
      // A lone shard keeps the whole pool for its products; several each run on their own thread.
      Forward fwd = shards.size() == 1
          ? new Forward(tape, kernels, pass.packed(), random[i], memory)
          : pass.shard(tape, random[i], memory);
      Tensor loss = model.loss(fwd, shard.source(), shard.target(), labelSmoothing);
      losses[i] = shard.weight() * loss.item();
      if (Double.isFinite(losses[i])) {
        tape.backward(loss, new float[] {shard.weight()}, g);
      }
      if (timings != null) {
        timings.shard(i, timings.cpuNow() - cpu, start, System.nanoTime(), shard.sourceTokens(), shard.targetTokens());
      }
    });
    long sumCpu = timings == null ? 0 : timings.cpuNow();
    long parallelEnd = timings == null ? 0 : System.nanoTime();
    double loss = 0;
    for (double l : losses) {
      loss += l;
    }
    if (!Double.isFinite(loss)) {
      return new Result(loss, null);
    }
    if (shards.size() > 1) {
      shardGradients[0].addAll(Arrays.asList(shardGradients).subList(1, shards.size()), kernels.pool());
    }
    if (timings != null) {
      timings.end(parallelEnd, timings.cpuNow() - sumCpu);
    }
    return new Result(loss, shardGradients[0]);
  }

  /**
   * The scheduled-sampling loss of {@code batch} (Bengio et al. 2015) and its gradients.
   *
   * @param rate the probability of feeding the model's own prediction instead of the reference
   */
  public Result computeScheduledSampling(Batch batch, UniformRandomProvider random, double rate) {
    Gradients g = shardGradients[0];
    g.clear();
    Tape tape = Tape.watching(parameters);
    Forward fwd = Forward.training(tape, kernels, random);
    Tensor loss = model.scheduledSamplingLoss(fwd, batch.source(), batch.target(), rate, labelSmoothing);
    double value = loss.item();
    return Double.isFinite(value) ? new Result(value, tape.backward(loss, new float[] {1f}, g)) : new Result(value, null);
  }
}

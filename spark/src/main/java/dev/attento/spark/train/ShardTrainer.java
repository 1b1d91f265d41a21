package dev.attento.spark.train;

import dev.attento.cells.PluginJar;
import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.autodiff.Gradients;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.NonFinitePolicy;
import dev.attento.seq2seq.config.TrainingSettings;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import dev.attento.seq2seq.train.BatchGradients;
import dev.attento.seq2seq.train.Trainer;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;

/**
 * One worker's part of a {@link Segment}: the training loop of seq2seq's {@link Trainer}
 * (batch, gradients, clipping, optimizer step under the schedule) on the worker's shard, with
 * an exchange every step (K = 1: gradients averaged before the optimizer step) or every K
 * steps and at the segment's end (parameters and optimizer state averaged after it).
 *
 * <p>Nothing survives from one segment to the next in a worker: the state comes from the
 * driver's {@link TrainingSnapshot}; the batch plan is replayed to the segment's first step
 * (an epoch is a pure function of the seed and its number); the dropout generator is derived
 * from the seed, the worker and the segment's first step. So a segment started again from a
 * checkpoint computes exactly what it computed the first time.
 */
final class ShardTrainer {

  private final Segment segment;
  private final TrainingSettings options;
  private final int partition;
  private final Exchange exchange;

  ShardTrainer(Segment segment, int partition, Exchange exchange) {
    this.segment = segment;
    this.options = ConfigTree.fromJson(segment.configJson(), "the run's config").bind().training();
    this.partition = partition;
    this.exchange = exchange;
  }

  /** Trains the segment on {@code shard}, starting from {@code start}, and reports the state it ends with. */
  SegmentResult run(Shard shard, ModelBundle model, TrainingSnapshot start) {
    List<Tensor> parameters = model.translator().parameters().tensors();
    List<RecurrentCell> cells = model.translator().cells();
    Optimizer optimizer = Trainer.newOptimizer(options, parameters);
    LearningRateSchedule schedule = options.schedule().create(options.learningRate());
    start.restore(parameters, optimizer, schedule);
    int threads = segment.settings().threadsPerTask();
    try (WorkerPool pool = threads == 1 ? WorkerPool.single() : WorkerPool.create(threads)) {
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, pool);
      BatchGradients gradients = new BatchGradients(model.translator(), kernels, options.labelSmoothing());
      BatchPlan plan = new BatchPlan(shard.examples(), options.batchSize(), options.batchTokens(),
          Randomness.derive(options.seed(), "shard-" + partition).nextLong(), options.batching());
      for (long s = 0; s < segment.from(); s++) {
        plan.next(); // every step, skipped ones included, took one batch
      }
      RestorableUniformRandomProvider dropout =
          Randomness.derive(options.seed(), "dropout/worker-" + partition + "/from-" + segment.from());
      return loop(plan, gradients, parameters, cells, optimizer, schedule, dropout, start.skipped());
    }
  }

  private SegmentResult loop(BatchPlan plan, BatchGradients gradients, List<Tensor> parameters,
                             List<RecurrentCell> cells, Optimizer optimizer, LearningRateSchedule schedule,
                             RestorableUniformRandomProvider dropout, int skippedBefore) {
    long t0 = System.nanoTime();
    int k = segment.settings().syncEvery();
    double lossSum = 0;
    double tokens = 0;
    double localLoss = 0;
    double localTokens = 0;
    int skipped = skippedBefore;
    int localSkipped = 0;
    String stopped = null;
    long step = segment.from();
    while (step < segment.to() && stopped == null) {
      injectFailure(step + 1);
      Batch batch = plan.next();
      optimizer.setLearningRate(schedule.rate(step + 1));
      BatchGradients.Result r = options.samplingRate() > 0
          ? gradients.computeScheduledSampling(batch, dropout, options.samplingRate())
          : gradients.compute(batch, dropout);
      step++;
      if (k == 1) {
        Averaging.Combined c = Averaging.gradients(exchange, partition, parameters, r.loss(), batch.targetTokens(),
            r.gradients());
        lossSum += c.loss() * c.tokens();
        tokens += c.tokens();
        String problem = update(c.loss(), c.gradients(), parameters, cells, optimizer);
        if (problem != null) {
          skipped++;
          stopped = stopOrSkip(step, problem, skipped);
        }
        continue;
      }
      localLoss += r.loss() * batch.targetTokens();
      localTokens += batch.targetTokens();
      if (update(r.loss(), r.gradients(), parameters, cells, optimizer) != null) {
        localSkipped++;
      }
      if (step % k == 0 || step == segment.to()) {
        WorkerMessage[] all = Averaging.parameters(exchange, partition, parameters, optimizer, localTokens, localLoss,
            localSkipped);
        int most = 0;
        for (WorkerMessage m : all) {
          lossSum += m.lossSum();
          tokens += m.tokens();
          most = Math.max(most, m.skipped());
        }
        // Workers skip on their own between averagings; the run counts the most any of them skipped.
        skipped += most;
        if (most > 0) {
          stopped = stopOrSkip(step, most + " batch(es) on some worker had a non-finite loss or gradient", skipped);
        }
        localLoss = 0;
        localTokens = 0;
        localSkipped = 0;
      }
    }
    long total = System.nanoTime() - t0;
    TrainingSnapshot end = TrainingSnapshot.of(step, skipped, parameters, optimizer, schedule);
    return new SegmentResult(end, lossSum, tokens, total - exchange.nanos(), exchange.nanos(), exchange.exchanges(),
        exchange.sentChars(), plan.position().epoch(), plan.position().batch(), Randomness.saveState(dropout), stopped,
        cellJar(cells.get(0)));
  }

  /** Where a plugin cell's classes came from on this worker (what a test of shipping checks). */
  private static String cellJar(RecurrentCell cell) {
    PluginJar jar = PluginJar.of(cell);
    return jar == null ? null : jar.jar().toString();
  }

  /**
   * Clips and applies {@code g}, or says why not (a non-finite loss or gradient norm), as
   * {@code Trainer} does.
   */
  private String update(double loss, Gradients g, List<Tensor> parameters,
                        List<RecurrentCell> cells, Optimizer optimizer) {
    if (g == null) {
      return "loss is " + loss;
    }
    double norm = options.clipNorm() > 0 ? GradientClipping.clipByGlobalNorm(parameters, g, options.clipNorm())
        : GradientClipping.globalNorm(parameters, g);
    if (!Double.isFinite(norm)) {
      return "gradient norm is " + norm;
    }
    if (options.clipValue() > 0) {
      GradientClipping.clipByValue(parameters, g, (float) options.clipValue());
    }
    optimizer.step(g);
    cells.forEach(RecurrentCell::afterOptimizerStep);
    return null;
  }

  /** Null to go on after a skipped batch, or why the run stops (every worker decides alike). */
  private String stopOrSkip(long step, String problem, int skipped) {
    if (options.onNonFinite() == NonFinitePolicy.STOP) {
      return "step " + step + ": " + problem + " (lower training.learningRate, or set training.onNonFinite=skip)";
    }
    if (skipped > 10 && skipped * 10L > step) {
      return "stopped at step " + step + ": " + skipped + " of " + step
          + " batches had a non-finite loss or gradient, more than a tenth (lower training.learningRate)";
    }
    return null;
  }

  private void injectFailure(long step) {
    DataParallelSettings s = segment.settings();
    if (step == s.failAtStep() && segment.attempt() == 0 && partition == s.workers() - 1) {
      throw new IllegalStateException("failure injected before step " + step + " (failAtStep) in worker " + partition);
    }
  }
}

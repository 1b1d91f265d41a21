package dev.attento.seq2seq.train;

import dev.attento.cells.spi.RecurrentCell;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.optim.Adam;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.optim.Sgd;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.NonFinitePolicy;
import dev.attento.seq2seq.config.TrainingSettings;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The training loop, in the order a batch goes through it: a batch from a seeded
 * {@link BatchPlan}; its loss and {@link dev.attento.core.autodiff.Gradients} from
 * {@link BatchGradients} (shards forward and backward on the pool's threads, summed in shard
 * order); clipping; an optimizer step under a
 * learning-rate schedule. Dev evaluation, early stopping, the best checkpoint and atomic
 * checkpoints along the way.
 *
 * <p>Everything random (batch order, dropout, sampling) comes from generators whose state is
 * checkpointed, so {@link #resume} continues with exactly the losses an uninterrupted run
 * would have produced; for a given thread count the numbers are the same on every run.
 * {@link #requestStop()} (e.g. from a SIGINT handler) ends the run after the current step
 * with a checkpoint.
 */
public final class Trainer {

  /** A run with more skipped batches than this, and more than a tenth of its steps, is stopped. */
  static final int SKIP_ALLOWANCE = 10;

  /**
   * How a run ended.
   *
   * @param steps steps done in total
   * @param reason why the run ended
   * @param lastEvaluation the final dev evaluation, or {@code null}
   * @param checkpoint the last checkpoint written
   */
  public record Result(long steps, StopReason reason, Evaluation lastEvaluation, Path checkpoint) {}

  private final ModelBundle model;
  private final TrainingData data;
  private final TrainingSettings options;
  private final Kernels kernels;
  private final Checkpoints checkpoints;
  private final TrainingListener listener;
  private final List<Tensor> parameters;
  /** Every cell of the model: each applies its parameter constraint after an optimizer step. */
  private final List<RecurrentCell> cells;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final BatchPlan plan;
  private final RestorableUniformRandomProvider random;
  /** One gradient buffer per shard, reused from step to step. */
  private final BatchGradients gradients;
  private volatile boolean stopRequested;
  private long step;
  private double best = Double.POSITIVE_INFINITY;
  private int badEvaluations;
  private int skipped;
  private long priorMillis;
  private Path lastCheckpoint;

  /**
   * A trainer for a freshly built model.
   *
   * @param kernels what to compute with; its pool's threads decide the shards
   */
  public Trainer(ModelBundle model, TrainingData data, TrainingSettings options, Kernels kernels, Path runDir,
                 TrainingListener listener) {
    this.model = model;
    this.data = data;
    this.options = options;
    this.kernels = kernels;
    this.checkpoints = new Checkpoints(runDir, options.keepCheckpoints());
    this.listener = listener;
    this.parameters = model.translator().parameters().tensors();
    this.cells = model.translator().cells();
    this.optimizer = newOptimizer(options, parameters);
    this.schedule = options.schedule().create(options.learningRate());
    this.plan = new BatchPlan(data.train(), options.batchSize(), options.batchTokens(), options.seed(),
        options.batching());
    this.random = Randomness.derive(options.seed(), "dropout");
    this.gradients = new BatchGradients(model.translator(), kernels, options.labelSmoothing());
  }

  /**
   * The optimizer {@code options} ask for, over {@code parameters}: what a trainer steps with,
   * and what a trainer elsewhere (data-parallel workers) must build alike to share checkpoints.
   */
  public static Optimizer newOptimizer(TrainingSettings options, List<Tensor> parameters) {
    return switch (options.optimizer()) {
      case ADAM -> Adam.adam(parameters, options.learningRate(), (float) options.weightDecay());
      case ADAMW -> Adam.adamW(parameters, options.learningRate(), (float) options.weightDecay());
      case SGD -> new Sgd(parameters, options.learningRate(), 0.9f, false, (float) options.weightDecay());
    };
  }

  /** Continues from the latest checkpoint of {@code checkpoint} (a run or checkpoint directory). */
  public void resume(Path checkpoint) {
    Path dir = Checkpoints.resolve(checkpoint);
    TrainerState s = Checkpoints.loadTrainingState(dir, optimizer);
    step = s.step();
    plan.seek(new BatchPlan.Position(s.epoch(), s.batchInEpoch()));
    Randomness.restoreState(random, s.dropoutRandom());
    schedule.restore(s.schedule());
    best = s.bestMetric();
    badEvaluations = s.badEvaluations();
    skipped = s.skippedBatches();
    priorMillis = s.trainMillis();
    lastCheckpoint = dir;
  }

  /** Asks the loop to stop after the current step and write a checkpoint. */
  public void requestStop() {
    stopRequested = true;
  }

  /** The optimizer (for tests and reporting). */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Trains until the planned steps are done, early stopping, the time limit or a stop request. */
  public Result train() {
    long started = System.nanoTime();
    Evaluation last = null;
    StopReason reason = StopReason.COMPLETED;
    Path checkpoint = null;
    while (step < options.steps()) {
      if (stopRequested) {
        reason = StopReason.INTERRUPTED;
        break;
      }
      if (options.maxMinutes() > 0 && (System.nanoTime() - started) / 6e10 >= options.maxMinutes()) {
        reason = StopReason.TIME_LIMIT;
        break;
      }
      long t0 = System.nanoTime();
      Batch batch = plan.next();
      double lr = schedule.rate(step + 1);
      optimizer.setLearningRate(lr);
      BatchGradients.Result s = options.samplingRate() > 0
          ? gradients.computeScheduledSampling(batch, random, options.samplingRate())
          : gradients.compute(batch, random);
      double norm = Double.NaN;
      if (s.gradients() != null) {
        // Clipping and the update are element-wise: sliced over the pool, the same for every thread count.
        norm = options.clipNorm() > 0
            ? GradientClipping.clipByGlobalNorm(parameters, s.gradients(), options.clipNorm(), kernels.pool())
            : GradientClipping.globalNorm(parameters, s.gradients(), kernels.pool());
        if (options.clipValue() > 0) {
          GradientClipping.clipByValue(parameters, s.gradients(), (float) options.clipValue(), kernels.pool());
        }
      }
      if (s.gradients() == null || !Double.isFinite(norm)) {
        skipBatch(!Double.isFinite(s.loss()) ? "loss is " + s.loss() : "gradient norm is " + norm);
        continue;
      }
      optimizer.step(s.gradients(), kernels.pool());
      cells.forEach(RecurrentCell::afterOptimizerStep);
      step++;
      listener.onStep(step, options.steps(), s.loss(), batch.targetTokens(), norm, lr, (System.nanoTime() - t0) / 1e6);
      boolean end = step == options.steps();
      if (step % options.evalEvery() == 0 || end) {
        last = evaluate(started);
        if (options.patience() > 0 && badEvaluations >= options.patience()) {
          reason = StopReason.EARLY_STOPPED;
          break;
        }
      }
      if (step % options.checkpointEvery() == 0 || end || stopRequested) {
        checkpoint = save(started);
      }
    }
    // Saving a step that is already saved writes nothing.
    checkpoint = save(started);
    return new Result(step, reason, last, checkpoint);
  }

  private void skipBatch(String what) {
    if (options.onNonFinite() == NonFinitePolicy.STOP) {
      throw new NonFiniteLossException("step " + (step + 1) + ": " + what + "; stopped, " + checkpointNote()
          + " (lower training.learningRate, or set training.onNonFinite=skip)");
    }
    skipped++;
    step++;
    listener.onSkippedBatch(step, what);
    if (skipped > SKIP_ALLOWANCE && skipped * 10L > step) {
      throw new NonFiniteLossException("stopped at step " + step + ": " + skipped + " of " + step
          + " batches had a non-finite loss or gradient, more than a tenth; " + checkpointNote()
          + " (lower training.learningRate)");
    }
  }

  private String checkpointNote() {
    return lastCheckpoint == null ? "no checkpoint had been written yet"
        : "the last checkpoint (" + lastCheckpoint.getFileName() + ") is intact";
  }

  private Evaluation evaluate(long started) {
    Evaluation e = Evaluator.evaluate(model, data.dev(), data.devPairs(), kernels);
    double metric = metric(e);
    schedule.onEvaluation(e.loss());
    boolean improved = metric < best;
    if (improved) {
      best = metric;
      badEvaluations = 0;
    } else {
      badEvaluations++;
    }
    listener.onEvaluation(step, e);
    if (improved) {
      try {
        checkpoints.markBest(save(started));
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot mark the best checkpoint: " + ex.getMessage(), ex);
      }
    }
    return e;
  }

  private double metric(Evaluation e) {
    return earlyStopMetric(options, e);
  }

  /** The early-stopping and best-checkpoint metric {@code options} name, as a number where lower is better. */
  public static double earlyStopMetric(TrainingSettings options, Evaluation e) {
    return switch (options.earlyStopMetric()) {
      case LOSS -> e.loss();
      case BLEU -> -e.bleu();
      case CHRF -> -e.chrf();
      case EXACT -> -e.exactMatch();
    };
  }

  private Path save(long started) {
    long millis = priorMillis + (System.nanoTime() - started) / 1_000_000;
    BatchPlan.Position p = plan.position();
    TrainerState s = new TrainerState(step, p.epoch(), p.batch(), Randomness.saveState(random), schedule.state(), best,
        badEvaluations, skipped, millis);
    try {
      Path dir = checkpoints.save(model, optimizer, s);
      if (!dir.equals(lastCheckpoint)) {
        listener.onCheckpoint(step, dir);
      }
      lastCheckpoint = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint: " + e.getMessage(), e);
    }
  }
}

package dev.attento.seq2seq.train;

import dev.attento.core.optim.Adam;
import dev.attento.core.optim.GradientClipping;
import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.optim.Schedules;
import dev.attento.core.optim.Sgd;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;

/**
 * The training loop: batches from a seeded {@link BatchPlan}, teacher-forced loss (with
 * optional scheduled sampling), back-propagation, gradient clipping, an optimizer step under
 * a learning-rate schedule; dev evaluation, early stopping and atomic checkpoints along the
 * way.
 *
 * <p>Everything random (batch order, dropout, sampling) comes from generators whose state is
 * checkpointed, so {@link #resume} continues with exactly the losses an uninterrupted run
 * would have produced. {@link #requestStop()} (e.g. from a SIGINT handler) ends the run after
 * the current step with a checkpoint.
 */
public final class Trainer {

  /**
   * How a run ended.
   *
   * @param steps steps done in total
   * @param reason {@code completed}, {@code early-stopped}, {@code time limit} or {@code interrupted}
   * @param lastEvaluation the final dev evaluation, or {@code null}
   * @param checkpoint the last checkpoint written
   */
  public record Result(long steps, String reason, Evaluation lastEvaluation, Path checkpoint) {}

  private final TrainedModel model;
  private final TrainingData data;
  private final TrainingOptions options;
  private final Path runDir;
  private final TrainingListener listener;
  private final List<Tensor> parameters;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final BatchPlan plan;
  private final RestorableUniformRandomProvider random;
  private volatile boolean stopRequested;
  private long step;
  private double best = Double.POSITIVE_INFINITY;
  private int badEvaluations;
  private int skipped;
  private long priorMillis;

  /** A trainer for a freshly built model. */
  public Trainer(TrainedModel model, TrainingData data, TrainingOptions options, Path runDir, TrainingListener listener) {
    this.model = model;
    this.data = data;
    this.options = options;
    this.runDir = runDir;
    this.listener = listener;
    this.parameters = model.translator().parameters().tensors();
    this.optimizer = switch (options.optimizer()) {
      case "adamw" -> Adam.adamW(parameters, options.learningRate(), (float) options.weightDecay());
      case "sgd" -> new Sgd(parameters, options.learningRate(), 0.9f, false, (float) options.weightDecay());
      default -> Adam.adam(parameters, options.learningRate(), (float) options.weightDecay());
    };
    this.schedule = Schedules.parse(options.schedule(), options.learningRate());
    this.plan = new BatchPlan(data.train(), options.batchSize(), options.seed(),
        BatchPlan.Batching.parse(options.batching()));
    this.random = Randomness.derive(options.seed(), "dropout");
  }

  /** Continues from the latest checkpoint of {@code checkpoint} (a run or checkpoint directory). */
  public void resume(Path checkpoint) {
    TrainerState s = Checkpoint.loadTrainingState(checkpoint, optimizer);
    step = s.step();
    plan.seek(new BatchPlan.Position(s.epoch(), s.batchInEpoch()));
    Randomness.restoreState(random, s.dropoutRandom());
    schedule.restore(s.schedule());
    best = s.bestMetric();
    badEvaluations = s.badEvaluations();
    skipped = s.skippedBatches();
    priorMillis = s.trainMillis();
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
    Path checkpoint = null;
    String reason = "completed";
    while (step < options.steps()) {
      if (stopRequested) {
        reason = "interrupted";
        break;
      }
      if (options.maxMinutes() > 0 && (System.nanoTime() - started) / 6e10 >= options.maxMinutes()) {
        reason = "time limit";
        break;
      }
      long t0 = System.nanoTime();
      Batch batch = plan.next();
      double lr = schedule.rate(step + 1);
      optimizer.setLearningRate(lr);
      double value = lossAndGradients(batch);
      double norm = Double.NaN;
      if (Double.isFinite(value)) {
        norm = options.clipNorm() > 0 ? GradientClipping.clipByGlobalNorm(parameters, options.clipNorm())
            : GradientClipping.globalNorm(parameters);
        if (options.clipValue() > 0) {
          GradientClipping.clipByValue(parameters, (float) options.clipValue());
        }
      }
      if (!Double.isFinite(value) || !Double.isFinite(norm)) {
        optimizer.zeroGrad();
        String what = !Double.isFinite(value) ? "loss is " + value : "gradient norm is " + norm;
        if (options.onNonFinite().equals("stop")) {
          throw new NonFiniteLossException("step " + (step + 1) + ": " + what + "; stopped with the last good checkpoint"
              + " intact (lower training.learningRate, or set training.onNonFinite=skip)");
        }
        skipped++;
        step++;
        listener.onSkippedBatch(step, what);
        continue;
      }
      optimizer.step();
      optimizer.zeroGrad();
      step++;
      listener.onStep(step, options.steps(), value, batch.targetTokens(), norm, lr, (System.nanoTime() - t0) / 1e6);
      boolean end = step == options.steps();
      if (step % options.evalEvery() == 0 || end) {
        last = evaluate();
        if (options.patience() > 0 && badEvaluations >= options.patience()) {
          reason = "early-stopped";
          checkpoint = save(started);
          break;
        }
      }
      if (step % options.checkpointEvery() == 0 || end || stopRequested) {
        checkpoint = save(started);
      }
    }
    if (checkpoint == null || !reason.equals("completed") && !reason.equals("early-stopped")) {
      checkpoint = save(started);
    }
    return new Result(step, reason, last, checkpoint);
  }

  /** The batch's loss, with its gradient added to the parameters' when it is finite. */
  private double lossAndGradients(Batch batch) {
    if (options.samplingRate() <= 0) {
      return HalvedBatches.lossAndGradients(model.translator(), batch, true, random);
    }
    return HalvedBatches.backwardIfFinite(
        model.translator().scheduledSamplingLoss(batch.source(), batch.target(), options.samplingRate(), random));
  }

  private Evaluation evaluate() {
    Evaluation e = Evaluator.evaluate(model, data.dev(), data.devPairs());
    double metric = options.earlyStopMetric().equals("bleu") ? -e.bleu() : e.loss();
    schedule.onEvaluation(e.loss());
    if (metric < best) {
      best = metric;
      badEvaluations = 0;
    } else {
      badEvaluations++;
    }
    listener.onEvaluation(step, e);
    return e;
  }

  private Path save(long started) {
    long millis = priorMillis + (System.nanoTime() - started) / 1_000_000;
    BatchPlan.Position p = plan.position();
    TrainerState s = new TrainerState(step, p.epoch(), p.batch(), Randomness.saveState(random), schedule.state(), best,
        badEvaluations, skipped, millis);
    try {
      Path dir = Checkpoint.save(runDir, model, optimizer, s);
      listener.onCheckpoint(step, dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint in " + runDir + ": " + e.getMessage(), e);
    }
  }
}

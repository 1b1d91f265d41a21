package dev.attento.seq2seq.config;

import dev.attento.seq2seq.data.BatchPlan;

/**
 * The {@code training} section. Each component is the key of the same name in
 * {@link TrainingKeys}, checked against it on construction.
 *
 * @param steps optimizer steps in all
 * @param batchSize sentence pairs per batch
 * @param optimizer the optimizer
 * @param learningRate base learning rate
 * @param weightDecay L2 (adam, sgd) or decoupled (adamw) weight decay
 * @param clipNorm clip gradients to this global norm (0: off)
 * @param clipValue clamp each gradient value (0: off)
 * @param schedule learning-rate schedule
 * @param evalEvery evaluate on the dev set every this many steps
 * @param checkpointEvery write a checkpoint every this many steps
 * @param keepCheckpoints how many of the newest checkpoints to keep (the best is kept as well)
 * @param patience stop after this many evaluations without improvement (0: never)
 * @param earlyStopMetric dev metric for early stopping and the best checkpoint
 * @param labelSmoothing label smoothing ε of the training loss (0: off)
 * @param samplingRate scheduled sampling: chance of feeding the model's own prediction
 * @param seed the run's seed
 * @param maxMinutes stop after this much wall time (0: no limit)
 * @param onNonFinite what to do with a batch whose loss or gradient is not finite
 * @param batching how sentences are grouped into batches
 * @param batchTokens token batching's budget of padded source + target tokens per batch
 */
public record TrainingSettings(int steps, int batchSize, OptimizerKind optimizer, double learningRate,
                               double weightDecay, double clipNorm, double clipValue, ScheduleSpec schedule,
                               int evalEvery, int checkpointEvery, int keepCheckpoints, int patience, EarlyStopMetric earlyStopMetric,
                               double labelSmoothing, double samplingRate, long seed, double maxMinutes, NonFinitePolicy onNonFinite,
                               BatchPlan.Batching batching, int batchTokens) {

  public TrainingSettings {
    TrainingKeys.STEPS.check(steps);
    TrainingKeys.BATCH_SIZE.check(batchSize);
    TrainingKeys.OPTIMIZER.check(optimizer);
    TrainingKeys.LEARNING_RATE.check(learningRate);
    TrainingKeys.WEIGHT_DECAY.check(weightDecay);
    TrainingKeys.CLIP_NORM.check(clipNorm);
    TrainingKeys.CLIP_VALUE.check(clipValue);
    TrainingKeys.SCHEDULE.check(schedule);
    TrainingKeys.EVAL_EVERY.check(evalEvery);
    TrainingKeys.CHECKPOINT_EVERY.check(checkpointEvery);
    TrainingKeys.KEEP_CHECKPOINTS.check(keepCheckpoints);
    TrainingKeys.PATIENCE.check(patience);
    TrainingKeys.EARLY_STOP_METRIC.check(earlyStopMetric);
    TrainingKeys.LABEL_SMOOTHING.check(labelSmoothing);
    TrainingKeys.SAMPLING_RATE.check(samplingRate);
    TrainingKeys.MAX_MINUTES.check(maxMinutes);
    TrainingKeys.ON_NON_FINITE.check(onNonFinite);
    TrainingKeys.BATCHING.check(batching);
    TrainingKeys.BATCH_TOKENS.check(batchTokens);
  }
}

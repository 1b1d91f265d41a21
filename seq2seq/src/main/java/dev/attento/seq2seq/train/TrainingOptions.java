package dev.attento.seq2seq.train;

import dev.attento.seq2seq.config.ConfigException;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.data.BatchPlan;

/**
 * How to train, from the {@code training} section of an experiment config.
 *
 * @param steps total optimizer steps
 * @param batchSize sentences per batch
 * @param optimizer {@code adam}, {@code adamw} or {@code sgd}
 * @param learningRate base learning rate
 * @param weightDecay L2 (adam, sgd) or decoupled (adamw) weight decay
 * @param clipNorm clip gradients to this global norm (0: off)
 * @param clipValue clamp each gradient value (0: off)
 * @param schedule learning-rate schedule, see {@code Schedules.parse}
 * @param evalEvery evaluate on the dev set every this many steps
 * @param checkpointEvery write a checkpoint every this many steps
 * @param keepCheckpoints how many of the newest checkpoints to keep (the best one is kept as well)
 * @param patience stop after this many evaluations without improvement (0: never)
 * @param earlyStopMetric {@code loss} (dev loss) or {@code bleu}
 * @param samplingRate scheduled sampling (Bengio et al. 2015): probability of feeding the
 *     model's own prediction instead of the reference token
 * @param seed the run's seed
 * @param maxMinutes stop after this much wall time (0: no limit)
 * @param onNonFinite {@code stop} (default) or {@code skip} a batch whose loss or gradient is NaN/∞
 * @param batching {@code bucketed} (default: similar lengths together, little padding) or
 *     {@code random} (lengths mixed in each batch), see {@link BatchPlan.Batching}
 */
public record TrainingOptions(int steps, int batchSize, String optimizer, double learningRate, double weightDecay,
                              double clipNorm, double clipValue, String schedule, int evalEvery, int checkpointEvery,
                              int keepCheckpoints,
                              int patience, String earlyStopMetric, double samplingRate, long seed, double maxMinutes,
                              String onNonFinite, String batching) {

  public TrainingOptions {
    require(steps >= 1, "training.steps must be at least 1");
    require(batchSize >= 1, "training.batchSize must be at least 1");
    require(java.util.List.of("adam", "adamw", "sgd").contains(optimizer),
        "training.optimizer must be adam, adamw or sgd, got '" + optimizer + "'");
    require(learningRate > 0, "training.learningRate must be positive");
    require(evalEvery >= 1 && checkpointEvery >= 1, "training.evalEvery and checkpointEvery must be at least 1");
    require(keepCheckpoints >= 1, "training.keepCheckpoints must be at least 1");
    require(earlyStopMetric.equals("loss") || earlyStopMetric.equals("bleu"),
        "training.earlyStopMetric must be loss or bleu, got '" + earlyStopMetric + "'");
    require(samplingRate >= 0 && samplingRate <= 1, "training.samplingRate must be in [0, 1]");
    require(onNonFinite.equals("stop") || onNonFinite.equals("skip"),
        "training.onNonFinite must be stop or skip, got '" + onNonFinite + "'");
    require(batching.equals("bucketed") || batching.equals("random"),
        "training.batching must be bucketed or random, got '" + batching + "'");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigException(message);
    }
  }

  /** Reads the {@code training} section. */
  public static TrainingOptions from(ConfigTree c) {
    return new TrainingOptions(c.integer("training.steps"), c.integer("training.batchSize"),
        c.string("training.optimizer"), c.number("training.learningRate"), c.number("training.weightDecay"),
        c.number("training.clipNorm"), c.number("training.clipValue"), c.string("training.schedule"),
        c.integer("training.evalEvery"), c.integer("training.checkpointEvery"), c.integer("training.keepCheckpoints"),
        c.integer("training.patience"),
        c.string("training.earlyStopMetric"), c.number("training.samplingRate"), (long) c.number("training.seed"),
        c.number("training.maxMinutes"), c.string("training.onNonFinite"),
        c.string("training.batching"));
  }
}

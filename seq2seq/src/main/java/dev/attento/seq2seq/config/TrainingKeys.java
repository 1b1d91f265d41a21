package dev.attento.seq2seq.config;

import static dev.attento.seq2seq.config.ValueTypes.choice;
import static dev.attento.seq2seq.config.ValueTypes.integer;
import static dev.attento.seq2seq.config.ValueTypes.number;

import dev.attento.seq2seq.data.BatchPlan;
import java.util.List;

/** The keys of the {@code training} section. Each constant's description says what it sets. */
public final class TrainingKeys {

  private TrainingKeys() {}

  private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

  public static final ConfigKey<Integer> STEPS = new ConfigKey<>("training.steps", integer(1, Integer.MAX_VALUE),
      1500, "Optimizer steps in all.", c -> c.training().steps());
  public static final ConfigKey<Integer> BATCH_SIZE = new ConfigKey<>("training.batchSize",
      integer(1, Integer.MAX_VALUE), 64, "Sentence pairs per batch.", c -> c.training().batchSize());
  public static final ConfigKey<OptimizerKind> OPTIMIZER = new ConfigKey<>("training.optimizer",
      choice(OptimizerKind.class), OptimizerKind.ADAM, "adam, adamw (decoupled weight decay) or sgd (momentum 0.9).",
      c -> c.training().optimizer());
  public static final ConfigKey<Double> LEARNING_RATE = new ConfigKey<>("training.learningRate",
      number(0, false, NO_LIMIT, false), 0.001, "Base learning rate.", c -> c.training().learningRate());
  public static final ConfigKey<Double> WEIGHT_DECAY = new ConfigKey<>("training.weightDecay",
      number(0, true, NO_LIMIT, false), 0.0, "L2 (adam, sgd) or decoupled (adamw) weight decay.",
      c -> c.training().weightDecay());
  public static final ConfigKey<Double> CLIP_NORM = new ConfigKey<>("training.clipNorm",
      number(0, true, NO_LIMIT, false), 1.0, "Clip gradients to this global norm (0: off).",
      c -> c.training().clipNorm());
  public static final ConfigKey<Double> CLIP_VALUE = new ConfigKey<>("training.clipValue",
      number(0, true, NO_LIMIT, false), 0.0, "Clamp each gradient value to this magnitude (0: off).",
      c -> c.training().clipValue());
  public static final ConfigKey<ScheduleSpec> SCHEDULE = new ConfigKey<>("training.schedule",
      ValueTypes.text("schedule", ScheduleSpec.GRAMMAR, ScheduleSpec::parse, ScheduleSpec::toString),
      ScheduleSpec.CONSTANT, "Learning-rate schedule.", c -> c.training().schedule());
  public static final ConfigKey<Integer> EVAL_EVERY = new ConfigKey<>("training.evalEvery",
      integer(1, Integer.MAX_VALUE), 250, "Evaluate on the dev set every this many steps.",
      c -> c.training().evalEvery());
  public static final ConfigKey<Integer> CHECKPOINT_EVERY = new ConfigKey<>("training.checkpointEvery",
      integer(1, Integer.MAX_VALUE), 250, "Write a checkpoint every this many steps.",
      c -> c.training().checkpointEvery());
  public static final ConfigKey<Integer> KEEP_CHECKPOINTS = new ConfigKey<>("training.keepCheckpoints",
      integer(1, 1_000_000), 2, "Keep the newest this many checkpoints (the best one is always kept too).",
      c -> c.training().keepCheckpoints());
  public static final ConfigKey<Integer> PATIENCE = new ConfigKey<>("training.patience",
      integer(0, Integer.MAX_VALUE), 0, "Stop after this many evaluations without improvement (0: never).",
      c -> c.training().patience());
  public static final ConfigKey<EarlyStopMetric> EARLY_STOP_METRIC = new ConfigKey<>("training.earlyStopMetric",
      choice(EarlyStopMetric.class), EarlyStopMetric.LOSS, "Dev metric for early stopping and the best checkpoint.",
      c -> c.training().earlyStopMetric());
  public static final ConfigKey<Double> LABEL_SMOOTHING = new ConfigKey<>("training.labelSmoothing",
      number(0, true, 1, false), 0.0,
      "Label smoothing ε (Szegedy et al. 2016) of the training loss; the dev loss stays plain cross-entropy (0: off).",
      c -> c.training().labelSmoothing());
  public static final ConfigKey<Double> SAMPLING_RATE = new ConfigKey<>("training.samplingRate",
      number(0, true, 1, true), 0.0,
      "Scheduled sampling (Bengio et al. 2015): chance of feeding the model's own prediction instead of the reference.",
      c -> c.training().samplingRate());
  public static final ConfigKey<Long> SEED = new ConfigKey<>("training.seed",
      ValueTypes.longInteger(Long.MIN_VALUE, Long.MAX_VALUE), 1L, "The run's seed (data, initialisation, batches).",
      c -> c.training().seed());
  public static final ConfigKey<Double> MAX_MINUTES = new ConfigKey<>("training.maxMinutes",
      number(0, true, NO_LIMIT, false), 0.0, "Stop after this much wall time (0: no limit).",
      c -> c.training().maxMinutes());
  public static final ConfigKey<NonFinitePolicy> ON_NON_FINITE = new ConfigKey<>("training.onNonFinite",
      choice(NonFinitePolicy.class), NonFinitePolicy.STOP, "What to do with a batch whose loss or gradient is NaN or infinite.",
      c -> c.training().onNonFinite());
  public static final ConfigKey<BatchPlan.Batching> BATCHING = new ConfigKey<>("training.batching",
      choice(BatchPlan.Batching.class), BatchPlan.Batching.BUCKETED,
      "bucketed (similar lengths together, little padding), random (lengths mixed) or tokens (bucketed, sized by"
      + " training.batchTokens instead of training.batchSize).",
      c -> c.training().batching());
  public static final ConfigKey<Integer> BATCH_TOKENS = new ConfigKey<>("training.batchTokens",
      integer(1, Integer.MAX_VALUE), 2048,
      "Token batching: padded source + target tokens per batch, sentences × (longest source + longest target).",
      c -> c.training().batchTokens());

  /** Every key of the section, in the order config files list them. */
  public static final List<ConfigKey<?>> ALL = List.of(STEPS, BATCH_SIZE, OPTIMIZER, LEARNING_RATE, WEIGHT_DECAY,
      CLIP_NORM, CLIP_VALUE, SCHEDULE, EVAL_EVERY, CHECKPOINT_EVERY, KEEP_CHECKPOINTS, PATIENCE, EARLY_STOP_METRIC, LABEL_SMOOTHING,
      SAMPLING_RATE, SEED,
      MAX_MINUTES, ON_NON_FINITE, BATCHING, BATCH_TOKENS);
}

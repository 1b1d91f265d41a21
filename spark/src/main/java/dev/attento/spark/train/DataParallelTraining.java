package dev.attento.spark.train;

import dev.attento.core.io.AtomicFiles;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.optim.LearningRateSchedule;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.config.TrainingSettings;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.Evaluation;
import dev.attento.seq2seq.train.Evaluator;
import dev.attento.seq2seq.train.NonFiniteLossException;
import dev.attento.seq2seq.train.StopReason;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainerState;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.spark.plugins.PluginShipment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.reflect.ClassTag$;

/**
 * Synchronous data-parallel training on Spark: the library entry point behind
 * {@code TrainJob}. The driver prepares the data as {@code attento train} does and deals the
 * training pairs into one {@link Shard} per worker; then it runs the run as a sequence of
 * <em>segments</em>, each one barrier stage ({@code rdd.barrier().mapPartitions}) in which
 * every worker trains on its shard from the same starting state and exchanges gradients
 * (K = 1) or parameters (every K steps) with the others through
 * {@code BarrierTaskContext.allGather}. A segment ends at each multiple of
 * {@code training.evalEvery} and {@code training.checkpointEvery}; worker 0 returns the state
 * all workers share, and the driver evaluates on the dev set and writes the checkpoint there,
 * with seq2seq's {@link Checkpoints}, so {@code translate}, {@code eval}, {@code serve} and
 * {@code attento train --resume} read it unchanged.
 *
 * <p>A failed task aborts its barrier stage (Spark kills the others). The driver then loads
 * the run's last checkpoint (or its initial state, before the first) and runs the segments
 * again, up to {@link DataParallelSettings#maxAttempts} times for a segment; after that the
 * run fails and {@code resume} continues it later. A segment replays deterministically (see
 * {@link ShardTrainer}), so a recovered run ends with the same weights as an uninterrupted one.
 */
public final class DataParallelTraining {

  /**
   * How a run ended.
   *
   * @param steps steps done in total
   * @param reason why it ended
   * @param lastEvaluation the last dev evaluation, or {@code null}
   * @param checkpoint the last checkpoint written
   * @param throughput what this job's stages cost
   * @param failedStages stages that failed and were run again from a checkpoint
   */
  public record Result(long steps, StopReason reason, Evaluation lastEvaluation, Path checkpoint,
                       Throughput throughput, int failedStages) {}

  /** A line {@code some.package.SomeException: message}, as Spark quotes a task's failure. */
  private static final Pattern TASK_EXCEPTION = Pattern.compile("[A-Za-z_$][\\w.$]*(?:Exception|Error): (.+)");

  private final SparkSession spark;
  private final ExperimentConfig config;
  private final TrainingSettings options;
  private final DataParallelSettings settings;
  private final Path plugins;
  private final Path runDir;
  private final Consumer<String> log;
  private final TrainingData data;
  private final ModelBundle model;
  private final List<Tensor> parameters;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final Checkpoints checkpoints;
  private final Kernels kernels = Kernels.detect();
  private final TrainingSnapshot initial;
  private long step;
  private int skipped;
  private double best = Double.POSITIVE_INFINITY;
  private int badEvaluations;
  private long priorMillis;
  private int epoch;
  private int batchInEpoch;
  private byte[] dropoutState = new byte[0];
  private Path lastCheckpoint;

  private DataParallelTraining(SparkSession spark, ExperimentConfig config, Path runDir, DataParallelSettings settings,
                               Path plugins, Consumer<String> log) {
    this.spark = spark;
    this.config = config;
    this.options = config.training();
    this.settings = settings;
    this.plugins = plugins;
    this.runDir = runDir;
    this.log = log;
    this.data = DataPreparation.prepare(config);
    this.model = data.newModel(config.model(), options.seed(), plugins);
    this.parameters = model.translator().parameters().tensors();
    this.optimizer = Trainer.newOptimizer(options, parameters);
    this.schedule = options.schedule().create(options.learningRate());
    this.checkpoints = new Checkpoints(runDir, options.keepCheckpoints());
    this.initial = TrainingSnapshot.of(0, 0, parameters, optimizer, schedule);
  }

  /**
   * Trains {@code config}'s run into {@code runDir} on {@code settings.workers()} Spark tasks
   * at once, or with {@code resume} continues it from its latest checkpoint; built-in cells only.
   *
   * @param log hears one line per segment, evaluation, checkpoint and recovery
   * @throws IllegalArgumentException if the settings do not fit the config or the cluster
   */
  public static Result train(SparkSession spark, ExperimentConfig config, Path runDir, DataParallelSettings settings,
                             boolean resume, Consumer<String> log) {
    return train(spark, config, runDir, settings, null, resume, log);
  }

  /**
   * As {@link #train(SparkSession, ExperimentConfig, Path, DataParallelSettings, boolean, Consumer)},
   * with the cells of the plugin jars in {@code plugins} (a directory of jars or one jar, on the
   * driver; {@code null} for none), as {@code attento train --plugins}. The jars are shipped
   * to the executors ({@link PluginShipment}); each worker loads the model's cell from the
   * shipped jar and checks the run's pin (the jar's SHA-256) there.
   */
  public static Result train(SparkSession spark, ExperimentConfig config, Path runDir, DataParallelSettings settings,
                             Path plugins, boolean resume, Consumer<String> log) {
    check(spark, config.training(), settings);
    boolean hasCheckpoints = Files.isRegularFile(runDir.resolve("checkpoints").resolve(Checkpoints.LATEST));
    if (!resume && hasCheckpoints) {
      throw new IllegalArgumentException(runDir + " already has checkpoints: resume it, or choose another run directory");
    }
    if (resume && !hasCheckpoints) {
      throw new IllegalArgumentException("cannot resume " + runDir + ": it has no checkpoint");
    }
    DataParallelTraining t = new DataParallelTraining(spark, config, runDir, settings, plugins, log);
    try {
      try {
        Files.createDirectories(runDir);
        AtomicFiles.writeString(runDir.resolve("config.json"), config.toJson());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + runDir.resolve("config.json") + ": " + e.getMessage(), e);
      }
      if (resume) {
        t.restore(Checkpoints.latest(runDir));
      }
      return t.run();
    } finally {
      t.kernels.pool().close(); // the driver's evaluation threads
    }
  }

  private static void check(SparkSession spark, TrainingSettings options, DataParallelSettings settings) {
    int k = settings.syncEvery();
    if (options.evalEvery() % k != 0 || options.checkpointEvery() % k != 0) {
      throw new IllegalArgumentException("the averaging interval K = " + k + " must divide training.evalEvery ("
          + options.evalEvery() + ") and training.checkpointEvery (" + options.checkpointEvery() + ")");
    }
    String master = spark.sparkContext().master();
    int slots = spark.sparkContext().defaultParallelism() / Math.max(1, settings.threadsPerTask());
    // Spark would wait minutes for slots a local master never gets; on a cluster executors may still come.
    if (master.startsWith("local") && settings.workers() > slots) {
      throw new IllegalArgumentException(settings.workers() + " workers need " + settings.workers()
          + " task slots at once (barrier mode), but " + master + " has " + slots);
    }
  }

  private Result run() {
    log.accept("data: " + data.summary());
    String averaging = settings.workers() == 1 ? "1 worker (nothing to average)"
        : settings.workers() + " workers, " + (settings.syncEvery() == 1 ? "gradients averaged every step"
            : "parameters averaged every " + settings.syncEvery() + " steps");
    log.accept(String.format(Locale.ROOT, "model: %,d parameters; %s; global batch %d × %d sentences",
        model.translator().parameters().count(), averaging, settings.workers(), options.batchSize()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Shard> shards = jsc.parallelize(Shard.deal(data.train(), settings.workers()), settings.workers());
    Broadcast<ModelFiles> files = jsc.broadcast(ModelFiles.of(model));
    PluginShipment shipment = PluginShipment.ship(spark.sparkContext(), plugins, log);
    boolean cellReported = false;
    String configJson = config.toJson();
    Throughput throughput = Throughput.NONE;
    Evaluation last = null;
    StopReason reason = StopReason.COMPLETED;
    int failures = 0;
    int segmentFailures = 0;
    long started = System.nanoTime();
    try {
      while (step < options.steps()) {
        long from = step;
        long to = Math.min(options.steps(), Math.min(next(step, options.evalEvery()), next(step, options.checkpointEvery())));
        Broadcast<TrainingSnapshot> start = jsc.broadcast(TrainingSnapshot.of(step, skipped, parameters, optimizer, schedule));
        SegmentResult r;
        long t0 = System.nanoTime();
        try {
          List<SegmentResult> results = shards.rdd().barrier()
              .mapPartitions(new SegmentTask(new Segment(configJson, from, to, settings, failures, shipment), files, start), false,
                  ClassTag$.MODULE$.apply(SegmentResult.class))
              .toJavaRDD().collect();
          r = results.get(0);
        } catch (Exception e) { // a SparkException: a task failed and the barrier stage was aborted
          failures++;
          segmentFailures++;
          if (segmentFailures >= settings.maxAttempts()) {
            throw new DataParallelTrainingException("steps " + (from + 1) + "–" + to + " failed " + segmentFailures
                + " time(s); " + checkpointNote() + ": " + rootMessage(e), e);
          }
          recover(from, to, e);
          continue;
        } finally {
          start.destroy();
        }
        segmentFailures = 0;
        if (r.cellJar() != null && !cellReported) {
          log.accept("workers: cell '" + config.model().cell() + "' loaded from " + r.cellJar() + " (its pin checked)");
          cellReported = true;
        }
        throughput = throughput.plus(to - from, r, System.nanoTime() - t0);
        accept(r);
        log.accept(String.format(Locale.ROOT, "step %d/%d: loss %.4f, %s", step, options.steps(),
            r.lossSum() / r.tokens(), throughput.describe()));
        if (r.stopped() != null) {
          throw new NonFiniteLossException(r.stopped() + "; " + checkpointNote());
        }
        boolean end = step == options.steps();
        boolean improved = false;
        if (step % options.evalEvery() == 0 || end) {
          last = Evaluator.evaluate(model, data.dev(), data.devPairs(), kernels);
          improved = evaluated(last);
          if (options.patience() > 0 && badEvaluations >= options.patience()) {
            reason = StopReason.EARLY_STOPPED;
          }
        }
        if (step % options.checkpointEvery() == 0 || end || improved || reason != StopReason.COMPLETED) {
          save(started, improved);
        }
        if (reason != StopReason.COMPLETED) {
          break;
        }
      }
    } finally {
      files.destroy();
    }
    if (lastCheckpoint == null || Checkpoints.stepOf(lastCheckpoint) != step) {
      save(started, false);
    }
    return new Result(step, reason, last, lastCheckpoint, throughput, failures);
  }

  /** The first multiple of {@code every} after {@code step}. */
  private static long next(long step, int every) {
    return (step / every + 1) * every;
  }

  private void accept(SegmentResult r) {
    r.snapshot().restore(parameters, optimizer, schedule);
    step = r.snapshot().step();
    skipped = r.snapshot().skipped();
    epoch = r.epoch();
    batchInEpoch = r.batchInEpoch();
    dropoutState = r.dropoutState();
  }

  private boolean evaluated(Evaluation e) {
    schedule.onEvaluation(e.loss());
    double metric = Trainer.earlyStopMetric(options, e);
    boolean improved = metric < best;
    if (improved) {
      best = metric;
      badEvaluations = 0;
    } else {
      badEvaluations++;
    }
    log.accept(String.format(Locale.ROOT, "dev @%d: loss %.4f, exact match %.1f%%, BLEU %.1f, chrF %.1f (%d sentences)",
        step, e.loss(), 100 * e.exactMatch(), e.bleu(), e.chrf(), e.sentences()));
    return improved;
  }

  private void save(long started, boolean best) {
    long millis = priorMillis + (System.nanoTime() - started) / 1_000_000;
    TrainerState s = new TrainerState(step, epoch, batchInEpoch, dropoutState, schedule.state(), this.best,
        badEvaluations, skipped, millis);
    try {
      Path dir = checkpoints.save(model, optimizer, s);
      if (best) {
        checkpoints.markBest(dir);
      }
      if (!dir.equals(lastCheckpoint)) {
        log.accept("checkpoint " + dir);
      }
      lastCheckpoint = dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint: " + e.getMessage(), e);
    }
  }

  /** After a failed stage: back to the last checkpoint, or to the start if there is none yet. */
  private void recover(long from, long to, Exception e) {
    String where;
    if (lastCheckpoint != null) {
      restore(lastCheckpoint);
      where = "checkpoint " + lastCheckpoint.getFileName();
    } else {
      initial.restore(parameters, optimizer, schedule);
      step = 0;
      skipped = 0;
      best = Double.POSITIVE_INFINITY;
      badEvaluations = 0;
      where = "the initial weights (no checkpoint yet)";
    }
    log.accept("steps " + (from + 1) + "–" + to + " failed (" + rootMessage(e) + "); resuming from " + where);
  }

  /** Makes the driver's model, optimizer and counters those of a checkpoint. */
  private void restore(Path dir) {
    List<Tensor> saved = Checkpoints.loadModel(dir, plugins).translator().parameters().tensors();
    if (saved.size() != parameters.size()) {
      throw new IllegalArgumentException(dir + " holds " + saved.size() + " parameters, the config's model "
          + parameters.size());
    }
    for (int i = 0; i < saved.size(); i++) {
      if (saved.get(i).size() != parameters.get(i).size()) {
        throw new IllegalArgumentException(dir + ": parameter " + i + " does not fit the config's model");
      }
      System.arraycopy(saved.get(i).data(), 0, parameters.get(i).data(), 0, saved.get(i).size());
    }
    TrainerState s = Checkpoints.loadTrainingState(dir, optimizer);
    schedule.restore(s.schedule());
    step = s.step();
    skipped = s.skippedBatches();
    best = s.bestMetric();
    badEvaluations = s.badEvaluations();
    priorMillis = s.trainMillis();
    epoch = s.epoch();
    batchInEpoch = s.batchInEpoch();
    dropoutState = s.dropoutRandom();
    lastCheckpoint = dir;
  }

  private String checkpointNote() {
    return lastCheckpoint == null ? "no checkpoint had been written yet"
        : "the last checkpoint (" + lastCheckpoint.getFileName() + ") is intact";
  }

  /**
   * The innermost cause's message, on one line. A failed barrier stage's message is Spark's
   * line ("Could not recover from a failed barrier ResultStage…") followed by the failed
   * task's exception and stack; the task's own message is what says what went wrong.
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.lines().skip(1).map(TASK_EXCEPTION::matcher).filter(Matcher::matches)
        .map(x -> x.group(1)).findFirst().orElse(m.lines().findFirst().orElse("")).strip();
  }

}

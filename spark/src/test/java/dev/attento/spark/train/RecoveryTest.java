package dev.attento.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.TinyRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class RecoveryTest {

  /** 8 steps, a checkpoint every 4, parameters averaged every 4: two stages, two exchanges. */
  private static ExperimentConfig config() {
    ConfigTree t = TinyRun.config(8).set("training.evalEvery", "4").set("training.checkpointEvery", "4");
    return t.bind();
  }

  private static final DataParallelSettings SETTINGS = DataParallelSettings.of(2).withSyncEvery(4);

  @Test
  void aFailedStageIsRunAgainFromTheLastCheckpoint(SparkSession spark, @TempDir Path dir) {
    DataParallelTraining.train(spark, config(), dir.resolve("plain"), SETTINGS, false, line -> {});
    List<String> log = new ArrayList<>();
    DataParallelTraining.Result r = DataParallelTraining.train(spark, config(), dir.resolve("failed"),
        SETTINGS.withFailureAt(6), false, log::add);
    assertEquals(8, r.steps());
    assertEquals(1, r.failedStages());
    assertTrue(log.contains("steps 5–8 failed (failure injected before step 6 (failAtStep) in worker 1); "
        + "resuming from checkpoint step-0000004"), String.join("\n", log));
    assertEquals(0, DataParallelTrainingTest.maxDifference(weights(dir.resolve("plain")), weights(dir.resolve("failed"))),
        "a recovered run ends with the weights of an uninterrupted one");
  }

  @Test
  void aRunThatFailsTooOftenStopsWithItsCheckpointAndResumes(SparkSession spark, @TempDir Path dir) {
    DataParallelTraining.train(spark, config(), dir.resolve("plain"), SETTINGS, false, line -> {});
    Path run = dir.resolve("run");
    DataParallelTrainingException e = assertThrows(DataParallelTrainingException.class, () ->
        DataParallelTraining.train(spark, config(), run, SETTINGS.withFailureAt(6).withMaxAttempts(1), false, l -> {}));
    assertEquals("steps 5–8 failed 1 time(s); the last checkpoint (step-0000004) is intact: failure injected before "
        + "step 6 (failAtStep) in worker 1", e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(run.resolve("checkpoints/step-0000004"), Checkpoints.latest(run));

    DataParallelTraining.Result r = DataParallelTraining.train(spark, config(), run, SETTINGS, true, line -> {});
    assertEquals(8, r.steps());
    assertEquals(0, DataParallelTrainingTest.maxDifference(weights(dir.resolve("plain")), weights(run)),
        "a resumed run ends with the weights of an uninterrupted one");
  }

  private static List<Tensor> weights(Path run) {
    return Checkpoints.loadModel(run, null).translator().parameters().tensors();
  }
}

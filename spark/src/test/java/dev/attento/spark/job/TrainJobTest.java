package dev.attento.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.TinyRun;
import dev.attento.spark.train.DataParallelTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class TrainJobTest {

  private static final String TINY = "data.task=dates,data.trainSize=64,data.devSize=8,model.hidden=16,"
      + "model.embedding=8,model.dropout=0,training.batchSize=8,training.evalEvery=4,training.checkpointEvery=4";

  @Test
  void trainsARunThatTranslateReadsAndResumesIt(SparkSession spark, @TempDir Path dir) {
    Path run = dir.resolve("run");
    List<String> log = new ArrayList<>();
    DataParallelTraining.Result first = TrainJob.run(spark, new String[] {"--run", run.toString(), "--set",
        TINY + ",training.steps=4", "--workers", "2", "--sync-every", "2"}, log::add);
    assertEquals(4, first.steps());
    assertEquals("run: " + run, log.get(log.size() - 1));
    assertEquals(4, ConfigTree.load(run.resolve("config.json")).bind().training().steps());
    // What attento translate does with the run: its latest checkpoint, decoded as usual.
    var translations = new TextTranslator(Checkpoints.loadModel(run, null), DecodingOptions.greedy(), false,
        Kernels.detect()).translate(TinyRun.unseen(3).stream().map(p -> p.source()).toList());
    assertEquals(3, translations.size());

    DataParallelTraining.Result resumed = TrainJob.run(spark, new String[] {"--run", run.toString(), "--resume", "true",
        "--set", "training.steps=8", "--sync-every", "2"}, line -> {});
    assertEquals(8, resumed.steps());
    assertEquals(run.resolve("checkpoints/step-0000008"), Checkpoints.latest(run));
  }

  @Test
  void mistakesAreOneLineMessages(SparkSession spark, @TempDir Path dir) {
    String run = dir.resolve("run").toString();
    assertEquals("--run is required", message(spark, "--workers", "2"));
    assertEquals("--workers must be a positive whole number, got '0'", message(spark, "--run", run, "--workers", "0"));
    assertEquals("--fail-at-step must be a whole number of at least 0, got '-1'",
        message(spark, "--run", run, "--fail-at-step", "-1"));
    assertEquals("--set takes key=value pairs separated by commas, got 'training.steps'",
        message(spark, "--run", run, "--set", "training.steps"));
    assertEquals("the averaging interval K = 3 must divide training.evalEvery (250) and training.checkpointEvery (250)",
        message(spark, "--run", run, "--sync-every", "3"));
    assertEquals("3 workers need 3 task slots at once (barrier mode), but local[2] has 2",
        message(spark, "--run", run, "--workers", "3"));
    assertEquals("--resume true takes the run's own config.json; --config is not allowed with it",
        message(spark, "--run", run, "--resume", "true", "--config", "x.yaml"));
    assertEquals("plugin directory " + dir.resolve("no-plugins") + " does not exist or is not a directory",
        message(spark, "--run", run, "--plugins", dir.resolve("no-plugins").toString()));
    assertFalse(Files.exists(dir.resolve("run")), "a mistake leaves nothing behind");
  }

  @Test
  void resumingARunWithoutCheckpointsIsAOneLineMistake(SparkSession spark, @TempDir Path dir) throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("config.json"), ConfigTree.defaults().toJson());
    assertEquals("cannot resume " + run + ": it has no checkpoint", message(spark, "--run", run.toString(), "--resume",
        "true"));
  }

  private static String message(SparkSession spark, String... args) {
    Exception e = assertThrows(Exception.class, () -> TrainJob.run(spark, args, line -> {}));
    String m = Jobs.userMessage(e);
    assertTrue(!m.isEmpty() && !m.contains("\n"), m);
    return m;
  }
}

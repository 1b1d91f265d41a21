package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.bundle.ModelFileException;
import dev.attento.seq2seq.config.ConfigException;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {

  @TempDir
  Path dir;

  static ConfigTree tiny(int steps) {
    return ConfigTree.defaults()
        .set("data.task", "dates").set("data.trainSize", "64").set("data.devSize", "8")
        .set("data.sourceTokenizer", "word").set("data.targetTokenizer", "word")
        .set("model.hidden", "16").set("model.embedding", "8").set("model.dropout", "0.2")
        .set("training.steps", String.valueOf(steps)).set("training.batchSize", "8")
        .set("training.evalEvery", "4").set("training.checkpointEvery", "3")
        .set("training.schedule", "warmup:2+plateau:1:0.5");
  }

  /** Records every step's loss. */
  static final class Losses implements TrainingListener {
    final List<Double> values = new ArrayList<>();

    @Override
    public void onStep(long step, long total, double loss, int tokens, double norm, double lr, double millis) {
      values.add(loss);
    }
  }

  private List<Double> run(ConfigTree c, Path runDir, Path resumeFrom) {
    return run(c, runDir, resumeFrom, Kernels.detect());
  }

  private List<Double> run(ConfigTree c, Path runDir, Path resumeFrom, Kernels kernels) {
    ExperimentConfig e = c.bind();
    TrainingData data = DataPreparation.prepare(e);
    ModelBundle model = resumeFrom == null ? data.newModel(e.model(), e.training().seed(), null)
        : Checkpoints.loadModel(resumeFrom, null);
    Losses losses = new Losses();
    Trainer trainer = new Trainer(model, data, e.training(), kernels, runDir, losses);
    if (resumeFrom != null) {
      trainer.resume(resumeFrom);
    }
    trainer.train();
    return losses.values;
  }

  @Test
  void resumingGivesExactlyTheUninterruptedLosses() {
    List<Double> straight = run(tiny(10), dir.resolve("a"), null);
    assertEquals(10, straight.size());
    List<Double> firstHalf = run(tiny(6), dir.resolve("b"), null);
    List<Double> secondHalf = run(tiny(10), dir.resolve("b"), dir.resolve("b"));
    List<Double> resumed = new ArrayList<>(firstHalf);
    resumed.addAll(secondHalf);
    assertEquals(straight, resumed);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void eachThreadCountIsDeterministicResumesExactlyAndAgreesWithOneThread(int threads) {
    // Batches of 32 sentences: up to four shards of 8. Without dropout, because each shard draws
    // its masks from a generator of its own: other thread counts, other (equally random) masks.
    ConfigTree c = tiny(8).set("training.batchSize", "32").set("model.attention", "luong-general")
        .set("model.dropout", "0");
    ConfigTree half = tiny(5).set("training.batchSize", "32").set("model.attention", "luong-general")
        .set("model.dropout", "0");
    List<Double> one = run(c, dir.resolve("t1"), null);
    try (WorkerPool pool = WorkerPool.create(threads)) {
      Kernels kernels = Kernels.choose(Kernels.Choice.AUTO, pool);
      List<Double> first = run(c, dir.resolve("a" + threads), null, kernels);
      List<Double> second = run(c, dir.resolve("b" + threads), null, kernels);
      assertEquals(first, second, "the same thread count gives the same losses, bit for bit");
      List<Double> resumed = new ArrayList<>(run(half, dir.resolve("r" + threads), null, kernels));
      resumed.addAll(run(c, dir.resolve("r" + threads), dir.resolve("r" + threads), kernels));
      assertEquals(first, resumed, "a resumed run continues exactly");
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i), first.get(i), 1e-4 * Math.max(1, Math.abs(one.get(i))), "step " + (i + 1));
      }
    }
  }

  @Test
  void randomBatchingTrainsResumesExactlyAndDiffersFromBucketed() {
    List<Double> straight = run(tiny(10).set("training.batching", "random"), dir.resolve("r1"), null);
    List<Double> firstHalf = run(tiny(6).set("training.batching", "random"), dir.resolve("r2"), null);
    List<Double> secondHalf = run(tiny(10).set("training.batching", "random"), dir.resolve("r2"), dir.resolve("r2"));
    List<Double> resumed = new ArrayList<>(firstHalf);
    resumed.addAll(secondHalf);
    assertEquals(straight, resumed);
    assertTrue(!straight.equals(run(tiny(10), dir.resolve("r3"), null)), "other batches, other losses");
    ConfigException e = assertThrows(ConfigException.class, () -> tiny(1).set("training.batching", "sorted"));
    assertEquals("override training.batching: bad value for training.batching: \"sorted\"; expected one of bucketed,"
        + " random, tokens", e.getMessage());
  }

  @Test
  void tokenBatchingTrainsResumesExactlyAndDiffersFromBucketed() {
    ConfigTree tokens = tiny(10).set("training.batching", "tokens").set("training.batchTokens", "120");
    List<Double> straight = run(tokens, dir.resolve("k1"), null);
    List<Double> resumed = new ArrayList<>(run(tiny(6).set("training.batching", "tokens")
        .set("training.batchTokens", "120"), dir.resolve("k2"), null));
    resumed.addAll(run(tokens, dir.resolve("k2"), dir.resolve("k2")));
    assertEquals(straight, resumed);
    assertTrue(!straight.equals(run(tiny(10), dir.resolve("k3"), null)), "other batches, other losses");
  }

  @Test
  void labelSmoothingTrainsResumesExactlyAndChangesTheLoss() {
    ConfigTree smoothed = tiny(10).set("training.labelSmoothing", "0.1");
    List<Double> straight = run(smoothed, dir.resolve("ls1"), null);
    List<Double> resumed = new ArrayList<>(run(tiny(6).set("training.labelSmoothing", "0.1"), dir.resolve("ls2"), null));
    resumed.addAll(run(smoothed, dir.resolve("ls2"), dir.resolve("ls2")));
    assertEquals(straight, resumed);
    List<Double> plain = run(tiny(10), dir.resolve("ls3"), null);
    assertTrue(!straight.get(0).equals(plain.get(0)), "the smoothed target changes the very first loss");
    assertTrue(straight.get(9) < straight.get(0), "the smoothed loss falls: " + straight);
    ConfigException e = assertThrows(ConfigException.class, () -> tiny(1).set("training.labelSmoothing", "1"));
    assertEquals("override training.labelSmoothing: bad value for training.labelSmoothing: 1; expected a number >= 0"
        + " and < 1", e.getMessage());
  }

  @Test
  void scheduledSamplingTrainsAndDiffersFromTeacherForcing() {
    List<Double> forced = run(tiny(30).set("training.evalEvery", "100").set("training.learningRate", "0.02")
        .set("training.schedule", "constant"), dir.resolve("tf"), null);
    List<Double> sampled = run(tiny(30).set("training.evalEvery", "100").set("training.learningRate", "0.02")
        .set("training.schedule", "constant").set("training.samplingRate", "0.5"), dir.resolve("ss"), null);
    assertTrue(sampled.get(29) < sampled.get(0) * 0.8, "loss falls with sampling: " + sampled);
    assertTrue(!forced.subList(1, 30).equals(sampled.subList(1, 30)), "feeding predictions changes the losses");
  }

  @Test
  void aCorruptCheckpointIsDetectedAndNeverLoaded() throws Exception {
    run(tiny(3), dir.resolve("c"), null);
    Path ckpt = Checkpoints.latest(dir.resolve("c"));
    Path weights = ckpt.resolve("weights.safetensors");
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length - 1] ^= 0x40;
    Files.write(weights, bytes);
    ModelFileException e = assertThrows(ModelFileException.class, () -> Checkpoints.loadModel(dir.resolve("c"), null));
    assertEquals(weights + ": checksum mismatch (the file is corrupt or was changed)", e.getMessage());
  }

  @Test
  void aMissingCheckpointIsAClearError() {
    ModelFileException e = assertThrows(ModelFileException.class, () -> Checkpoints.loadModel(dir.resolve("none"), null));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  /** Trains a model whose output bias holds a NaN, as an exploding run would. */
  private Trainer poisoned(ConfigTree c, Path runDir) {
    ExperimentConfig e = c.bind();
    TrainingData data = DataPreparation.prepare(e);
    ModelBundle model = data.newModel(e.model(), e.training().seed(), null);
    model.translator().parameters().asMap().get("output.bias").data()[0] = Float.NaN;
    return new Trainer(model, data, e.training(), Kernels.detect(), runDir, new Losses());
  }

  @Test
  void aNonFiniteLossStopsWithAClearMessage() {
    NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> poisoned(tiny(6), dir.resolve("d")).train());
    assertEquals("step 1: loss is NaN; stopped, no checkpoint had been written yet (lower training.learningRate,"
        + " or set training.onNonFinite=skip)", e.getMessage());
  }

  @Test
  void skippingNonFiniteBatchesCountsThemAndFinishes() {
    ConfigTree c = tiny(4).set("training.onNonFinite", "skip");
    Trainer.Result r = poisoned(c, dir.resolve("e")).train();
    assertEquals(4, r.steps());
    assertTrue(Files.isDirectory(Checkpoints.latest(dir.resolve("e"))));
  }

  @Test
  void skippingStopsWhenMoreThanATenthOfTheBatchesAreSkipped() {
    // Every batch of a poisoned model is non-finite: skip used to run all 40 steps and report "completed".
    ConfigTree c = tiny(40).set("training.onNonFinite", "skip");
    NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> poisoned(c, dir.resolve("f")).train());
    int stopped = Trainer.SKIP_ALLOWANCE + 1;
    assertEquals("stopped at step " + stopped + ": " + stopped + " of " + stopped + " batches had a non-finite loss or"
        + " gradient, more than a tenth; no checkpoint had been written yet (lower training.learningRate)", e.getMessage());
  }

}

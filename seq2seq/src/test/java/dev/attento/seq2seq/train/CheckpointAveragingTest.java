package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.bundle.ModelFileException;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointAveragingTest {

  @TempDir
  static Path dir;

  static Path run;

  private static Path train(ConfigTree c, String name) {
    ExperimentConfig e = c.bind();
    TrainingData data = DataPreparation.prepare(e);
    ModelBundle model = data.newModel(e.model(), e.training().seed(), null);
    Path runDir = dir.resolve(name);
    new Trainer(model, data, e.training(), Kernels.detect(), runDir, new TrainingListener() {}).train();
    return runDir;
  }

  @BeforeAll
  static void trainARunWithThreeCheckpoints() {
    run = train(TrainerTest.tiny(9).set("training.keepCheckpoints", "3").set("training.evalEvery", "100"), "run");
  }

  private static Map<String, Tensor> weights(Path checkpoint) {
    return BundleFiles.read(checkpoint, null).translator().parameters().asMap();
  }

  @Test
  void theAverageIsTheMeanOfEveryWeightAndLoadsAsAModel() throws IOException {
    List<Path> last = CheckpointAveraging.last(run, 2);
    assertEquals(List.of("step-0000006", "step-0000009"), last.stream().map(p -> p.getFileName().toString()).toList());
    Path out = dir.resolve("averaged");
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    CheckpointAveraging.write(out, CheckpointAveraging.average(last, null), List.of(config));
    Map<String, Tensor> a = weights(last.get(0));
    Map<String, Tensor> b = weights(last.get(1));
    Map<String, Tensor> mean = weights(out);
    assertEquals(a.keySet(), mean.keySet());
    for (String name : a.keySet()) {
      float[] expected = new float[a.get(name).size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = (float) (((double) a.get(name).data()[i] + b.get(name).data()[i]) / 2);
      }
      assertArrayEquals(expected, mean.get(name).data(), name);
    }
    assertTrue(Files.isRegularFile(out.resolve("config.json")), "an extra file comes along, under the checksums");
    assertTrue(Files.readString(out.resolve(BundleFiles.CHECKSUMS)).contains("config.json"));
    CheckpointAveraging.write(out, CheckpointAveraging.average(List.of(last.get(1)), null), List.of());
    assertArrayEquals(b.get("output.bias").data(), weights(out).get("output.bias").data(), "a model directory is replaced");
    ModelFileException few = assertThrows(ModelFileException.class, () -> CheckpointAveraging.last(run, 4));
    assertEquals(run + " has 3 checkpoints, fewer than 4 (training.keepCheckpoints sets how many a run keeps)",
        few.getMessage());
  }

  @Test
  void checkpointsOfAnotherArchitectureOrVocabularyAreRefusedInOneLine() throws IOException {
    Path wider = train(TrainerTest.tiny(3).set("model.hidden", "12"), "wider");
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> CheckpointAveraging.average(List.of(run, wider), null));
    assertTrue(e.getMessage().endsWith("different architectures (model.json)"), e.getMessage());
    // The same architecture over a vocabulary in another order: two of its words swapped.
    Path swapped = copy(Checkpoints.latest(run), dir.resolve("swapped"));
    List<String> tokens = new java.util.ArrayList<>(Vocabulary.load(swapped.resolve("target.vocab.json")).tokens());
    java.util.Collections.swap(tokens, tokens.size() - 1, tokens.size() - 2);
    Files.delete(swapped.resolve("target.vocab.json"));
    Vocabulary.of(tokens.subList(4, tokens.size())).save(swapped.resolve("target.vocab.json"));
    BundleFiles.writeChecksums(swapped, List.of("model.json", "source.vocab.json", "target.vocab.json",
        "weights.safetensors", "optimizer.safetensors", "trainer.json"));
    e = assertThrows(ModelFileException.class, () -> CheckpointAveraging.average(List.of(run, swapped), null));
    assertEquals("cannot average " + Checkpoints.latest(run) + " and " + swapped
        + ": different target vocabularies (target.vocab.json)", e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void anOutputThatIsAFileSymlinkOrOtherDirectoryIsLeftAlone() throws IOException {
    ModelBundle model = CheckpointAveraging.average(List.of(run), null);
    Path file = Files.writeString(dir.resolve("file"), "mine");
    assertThrows(IOException.class, () -> CheckpointAveraging.write(file, model, List.of()));
    assertEquals("mine", Files.readString(file));
    Path target = Files.createDirectories(dir.resolve("target"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    IOException e = assertThrows(IOException.class, () -> CheckpointAveraging.write(link, model, List.of()));
    assertTrue(e.getMessage().contains("never replaced"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
    Files.writeString(target.resolve("notes.txt"), "keep");
    e = assertThrows(IOException.class, () -> CheckpointAveraging.write(target, model, List.of()));
    assertTrue(e.getMessage().contains("not a model directory"), e.getMessage());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CheckpointAveraging.write(empty, model, List.of());
    assertEquals(model.config(), BundleFiles.read(empty, null).config());
  }
}

package dev.attento.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.optim.Adam;
import dev.attento.core.optim.Optimizer;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Checkpoints} promises: nothing deleted before its replacement, numeric pruning, BEST kept. */
class CheckpointsTest {

  static ModelBundle model;
  static Optimizer optimizer;

  @TempDir
  Path run;

  @BeforeAll
  static void tinyModel() {
    ConfigTree c = TrainerTest.tiny(1);
    model = DataPreparation.prepare(c.bind()).newModel(c.bind().model(), 1, null);
    optimizer = Adam.adam(model.translator().parameters().tensors(), 1e-3, 0f);
  }

  private static TrainerState state(long step) {
    return new TrainerState(step, 0, 0, new byte[] {1}, new double[0], 1.0, 0, 0, 0);
  }

  private List<String> stepNames() throws IOException {
    try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-")).sorted().toList();
    }
  }

  @Test
  void savingAnAlreadySavedStepWritesNothing() throws IOException {
    Checkpoints checkpoints = new Checkpoints(run, 2);
    Path first = checkpoints.save(model, optimizer, state(5));
    Path weights = first.resolve("weights.safetensors");
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(weights, written);
    Object inode = Files.readAttributes(first, "unix:ino").get("ino");
    assertEquals(first, checkpoints.save(model, optimizer, state(5)));
    assertEquals(written, Files.getLastModifiedTime(weights), "the complete checkpoint was not rewritten");
    assertEquals(inode, Files.readAttributes(first, "unix:ino").get("ino"), "nor replaced");
    assertEquals(first, Checkpoints.latest(run));
  }

  @Test
  void anIncompleteCheckpointOfTheSameStepIsReplaced() throws IOException {
    Checkpoints checkpoints = new Checkpoints(run, 2);
    Path dir = checkpoints.save(model, optimizer, state(7));
    Files.delete(dir.resolve("trainer.json")); // as if a copy were damaged
    checkpoints.save(model, optimizer, state(7));
    assertTrue(Files.isRegularFile(dir.resolve("trainer.json")));
    assertEquals(dir, Checkpoints.latest(run));
    Checkpoints.loadModel(run, null); // verifies every checksum
  }

  @Test
  void pruningOrdersByStepNumberPastTenMillion() throws IOException {
    Checkpoints checkpoints = new Checkpoints(run, 2);
    for (long step : new long[] {9_999_998L, 9_999_999L, 10_000_000L, 10_000_001L}) {
      checkpoints.save(model, optimizer, state(step));
    }
    assertEquals(List.of("step-10000000", "step-10000001"), stepNames());
    assertEquals("step-10000001", Checkpoints.latest(run).getFileName().toString());
  }

  @Test
  void theBestCheckpointIsNeverPrunedAndKeepIsASetting() throws IOException {
    Checkpoints checkpoints = new Checkpoints(run, 1);
    checkpoints.markBest(checkpoints.save(model, optimizer, state(2)));
    for (long step = 3; step <= 6; step++) {
      checkpoints.save(model, optimizer, state(step));
    }
    assertEquals(List.of("step-0000002", "step-0000006"), stepNames());
    assertEquals("step-0000002", Checkpoints.best(run).orElseThrow().getFileName().toString());
  }

  @Test
  void leftoversOfAKilledSaveAreRemovedByTheNextSave() throws IOException {
    Checkpoints checkpoints = new Checkpoints(run, 2);
    checkpoints.save(model, optimizer, state(1));
    Path root = run.resolve("checkpoints");
    Path strandedDir = Files.createDirectories(root.resolve(".tmp-step-0000002-123"));
    Files.writeString(strandedDir.resolve("weights.safetensors"), "partial");
    Path strandedPointer = Files.writeString(root.resolve(".LATEST.456.tmp"), "step-0000002\n");
    checkpoints.save(model, optimizer, state(2));
    assertFalse(Files.exists(strandedDir));
    assertFalse(Files.exists(strandedPointer));
    assertEquals(List.of("step-0000001", "step-0000002"), stepNames());
  }
}

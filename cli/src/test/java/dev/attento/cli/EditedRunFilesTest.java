package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attento.seq2seq.bundle.BundleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run files edited by hand, with their checksums recomputed so that the checksum check passes:
 * what they say is still checked, and a mistake is one line with exit 1, never an internal error
 * (a {@code model.json} without {@code "model"} was a NullPointerException, {@code step=1e12}
 * in {@code trainer.json} was accepted).
 */
class EditedRunFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  static Path run;

  @BeforeAll
  static void trainTinyModel() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "e"));
    assertEquals(0, r.code(), r.out() + r.err());
    run = dir.resolve("e");
  }

  /** Rewrites {@code file} of the run's latest checkpoint with {@code edit} applied, and its checksums to match. */
  private static void edit(String file, java.util.function.Consumer<ObjectNode> edit) throws Exception {
    Path checkpoint = run.resolve("checkpoints").resolve(Files.readString(run.resolve("checkpoints/LATEST")).strip());
    ObjectNode doc = (ObjectNode) JSON.readTree(checkpoint.resolve(file).toFile());
    edit.accept(doc);
    Files.writeString(checkpoint.resolve(file), JSON.writeValueAsString(doc));
    List<String> files = new ArrayList<>();
    JSON.readTree(checkpoint.resolve(BundleFiles.CHECKSUMS).toFile()).fieldNames().forEachRemaining(files::add);
    BundleFiles.writeChecksums(checkpoint, files);
  }

  private static void assertOneLine(Cli.Result r, String expected) {
    assertEquals(UserError.EXIT_CODE, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("attento: ") && r.err().contains(expected), r.err());
  }

  @Test
  void aHugeStepInTheTrainerStateIsRefusedOnResume() throws Exception {
    edit("trainer.json", doc -> doc.put("step", 1_000_000_000_000L));
    String config = Files.readString(run.resolve("config.json"));
    String metrics = Files.readString(run.resolve("metrics.csv"));
    assertOneLine(Cli.run("train", "--resume", run.toString(), "--steps", "20"),
        "trainer.json: step 1000000000000 does not match the checkpoint's 8");
    assertEquals(config, Files.readString(run.resolve("config.json")), "the --steps override is not saved");
    assertEquals(metrics, Files.readString(run.resolve("metrics.csv")), "no rows dropped");
    edit("trainer.json", doc -> doc.put("step", 8));
  }

  @Test
  void aModelDescriptionWithoutItsModelIsRefused() throws Exception {
    ObjectNode[] saved = new ObjectNode[1];
    edit("model.json", doc -> {
      saved[0] = doc.deepCopy();
      doc.remove("model");
    });
    assertOneLine(Cli.run("translate", "-m", run.toString(), "March 3, 2021"), "model.json: no \"model\"");
    edit("model.json", doc -> doc.setAll(saved[0])); // as it was, for the other test
  }
}

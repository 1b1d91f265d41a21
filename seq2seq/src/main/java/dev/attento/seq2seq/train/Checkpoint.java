package dev.attento.seq2seq.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attento.core.io.AtomicFiles;
import dev.attento.core.io.Checksums;
import dev.attento.core.io.SafeTensors;
import dev.attento.core.io.SafeTensorsException;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.inject.Translators;
import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checkpoints: a directory per saved step holding the model's architecture and tokenizers
 * ({@code model.json}), both vocabularies, the weights and the optimizer state (safetensors),
 * the trainer's state ({@code trainer.json}) and the SHA-256 of every file
 * ({@code checksums.json}).
 *
 * <p>Writing is atomic at two levels: the directory is written under a temporary name and
 * renamed into place, then the {@code LATEST} pointer file is replaced atomically, so a crash
 * at any moment leaves the previous checkpoint intact. Loading verifies every checksum and
 * every tensor's name and shape before copying a single weight into the model.
 */
public final class Checkpoint {

  static final String LATEST = "LATEST";
  private static final int FORMAT = 1;
  private static final int KEEP = 2;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> FILES = List.of("model.json", "source.vocab.json", "target.vocab.json",
      "weights.safetensors", "optimizer.safetensors", "trainer.json");

  private Checkpoint() {}

  /**
   * Saves a checkpoint under {@code checkpoints/step-NNNNNN} of the run directory and points
   * {@code LATEST} at it; older checkpoints beyond the last two are removed.
   *
   * @return the checkpoint directory
   */
  public static Path save(Path runDir, TrainedModel model, Optimizer optimizer, TrainerState state) throws IOException {
    Path root = runDir.resolve("checkpoints");
    Files.createDirectories(root);
    String name = String.format("step-%07d", state.step());
    Path tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
    Map<String, Object> modelDoc = new LinkedHashMap<>();
    modelDoc.put("format", FORMAT);
    modelDoc.put("model", model.translator().config());
    modelDoc.put("sourceTokenizer", model.source().tokenizer().spec().toString());
    modelDoc.put("targetTokenizer", model.target().tokenizer().spec().toString());
    modelDoc.put("seed", model.seed());
    Files.writeString(tmp.resolve("model.json"), JSON.writeValueAsString(modelDoc));
    model.source().vocabulary().save(tmp.resolve("source.vocab.json"));
    model.target().vocabulary().save(tmp.resolve("target.vocab.json"));
    SafeTensors.write(tmp.resolve("weights.safetensors"), model.translator().parameters().asMap());
    SafeTensors.write(tmp.resolve("optimizer.safetensors"), optimizer.state());
    Files.writeString(tmp.resolve("trainer.json"), JSON.writeValueAsString(state));
    Map<String, String> sums = new LinkedHashMap<>();
    for (String f : FILES) {
      sums.put(f, Checksums.sha256(tmp.resolve(f)));
    }
    Files.writeString(tmp.resolve("checksums.json"), JSON.writeValueAsString(sums));
    Path target = root.resolve(name);
    if (Files.exists(target)) {
      deleteTree(target);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    AtomicFiles.writeString(root.resolve(LATEST), name + "\n");
    prune(root, name);
    return target;
  }

  /** The directory {@code LATEST} points to, or an error if the run has no checkpoint. */
  public static Path latest(Path runDir) {
    Path root = runDir.resolve("checkpoints");
    Path pointer = root.resolve(LATEST);
    if (!Files.isRegularFile(pointer)) {
      throw new CheckpointException("no checkpoint in " + runDir + " (missing " + pointer + ")");
    }
    try {
      Path dir = root.resolve(Files.readString(pointer).trim());
      if (!Files.isDirectory(dir)) {
        throw new CheckpointException(pointer + " points to missing checkpoint " + dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads the model of a checkpoint (a run directory or a checkpoint directory), verifying
   * checksums and every tensor before using any.
   */
  public static TrainedModel loadModel(Path path, Path pluginDir) {
    Path dir = resolve(path);
    verifyChecksums(dir);
    try {
      JsonNode doc = JSON.readTree(dir.resolve("model.json").toFile());
      if (doc.path("format").asInt() != FORMAT) {
        throw new CheckpointException(dir.resolve("model.json") + ": unsupported checkpoint format " + doc.path("format"));
      }
      ModelConfig config = JSON.treeToValue(doc.get("model"), ModelConfig.class);
      long seed = doc.path("seed").asLong();
      Vocabulary sv = Vocabulary.load(dir.resolve("source.vocab.json"));
      Vocabulary tv = Vocabulary.load(dir.resolve("target.vocab.json"));
      if (sv.size() != config.sourceVocab() || tv.size() != config.targetVocab()) {
        throw new CheckpointException(dir + ": vocabulary sizes " + sv.size() + "/" + tv.size()
            + " do not match the model's " + config.sourceVocab() + "/" + config.targetVocab());
      }
      Translator translator = Translators.build(config, seed, pluginDir);
      copyInto(dir.resolve("weights.safetensors"), translator.parameters().asMap());
      return new TrainedModel(translator,
          new TrainingData.Side(TokenizerSpec.parse(doc.path("sourceTokenizer").asText()).create(), sv),
          new TrainingData.Side(TokenizerSpec.parse(doc.path("targetTokenizer").asText()).create(), tv), seed);
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot read checkpoint: " + e.getMessage());
    }
  }

  /** Restores the optimizer and returns the trainer state of a checkpoint. */
  public static TrainerState loadTrainingState(Path path, Optimizer optimizer) {
    Path dir = resolve(path);
    try {
      Map<String, Tensor> state = SafeTensors.read(dir.resolve("optimizer.safetensors")).tensors();
      try {
        optimizer.loadState(state);
      } catch (IllegalArgumentException e) {
        throw new CheckpointException(dir.resolve("optimizer.safetensors") + ": " + e.getMessage());
      }
      return JSON.readValue(dir.resolve("trainer.json").toFile(), TrainerState.class);
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot read trainer state: " + e.getMessage());
    }
  }

  private static Path resolve(Path path) {
    if (!Files.exists(path)) {
      throw new CheckpointException("checkpoint " + path + " does not exist");
    }
    return Files.isRegularFile(path.resolve("checksums.json")) ? path : latest(path);
  }

  private static void verifyChecksums(Path dir) {
    Path sumsFile = dir.resolve("checksums.json");
    try {
      JsonNode sums = JSON.readTree(sumsFile.toFile());
      for (String f : FILES) {
        Path file = dir.resolve(f);
        if (!Files.isRegularFile(file)) {
          throw new CheckpointException(dir + ": missing " + f);
        }
        String expected = sums.path(f).asText("");
        if (!expected.equals(Checksums.sha256(file))) {
          throw new CheckpointException(file + ": checksum mismatch (the file is corrupt or was changed)");
        }
      }
    } catch (IOException e) {
      throw new CheckpointException(sumsFile + ": unreadable (" + e.getMessage() + ")");
    }
  }

  /** Copies saved weights into the model's tensors, after checking that every one fits. */
  private static void copyInto(Path file, Map<String, Tensor> parameters) {
    Map<String, Tensor> saved;
    try {
      saved = SafeTensors.read(file).tensors();
    } catch (SafeTensorsException e) {
      throw new CheckpointException(e.getMessage());
    }
    for (var e : parameters.entrySet()) {
      Tensor s = saved.get(e.getKey());
      if (s == null) {
        throw new CheckpointException(file + ": no tensor '" + e.getKey() + "' (checkpoint is from a different model)");
      }
      if (!Arrays.equals(s.shape(), e.getValue().shape())) {
        throw new CheckpointException(file + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(s.shape())
            + " but the model needs " + Arrays.toString(e.getValue().shape()));
      }
    }
    if (saved.size() != parameters.size()) {
      throw new CheckpointException(file + ": has " + saved.size() + " tensors, the model " + parameters.size());
    }
    parameters.forEach((name, t) -> System.arraycopy(saved.get(name).data(), 0, t.data(), 0, t.size()));
  }

  private static void prune(Path root, String keep) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.list(root)) {
      all = s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted().toList();
    }
    for (int i = 0; i < all.size() - KEEP; i++) {
      if (!all.get(i).getFileName().toString().equals(keep)) {
        deleteTree(all.get(i));
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package dev.attento.seq2seq.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attento.cells.PinPolicy;
import dev.attento.core.io.AtomicFiles;
import dev.attento.core.io.SafeTensors;
import dev.attento.core.io.SafeTensorsException;
import dev.attento.core.optim.Optimizer;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.bundle.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: {@code checkpoints/step-N/} directories, each a
 * {@linkplain BundleFiles model bundle} plus {@code optimizer.safetensors} and
 * {@code trainer.json}, all covered by its {@code checksums.json}; and two pointer files,
 * {@code LATEST} and {@code BEST}.
 *
 * <p>What a crash may cost, and why no more:
 * <ul>
 *   <li>A checkpoint is written under a temporary name and renamed into place, then
 *       {@code LATEST} is replaced atomically: a kill at any moment leaves the previous
 *       checkpoint, and the pointer to it, intact.
 *   <li>Nothing is deleted before its replacement is in place: saving a step that is already
 *       saved (an interrupt right after a scheduled save, a {@code --resume} of a finished run)
 *       writes nothing; older checkpoints are pruned only after {@code LATEST} moved on, and
 *       the ones {@code LATEST} and {@code BEST} point to are never pruned.
 *   <li>Leftovers of a killed save ({@code .tmp-*} directories, temporary pointer files) are
 *       removed by the next save.
 * </ul>
 * Checkpoints are ordered by their step number, not their names.
 */
public final class Checkpoints {

  /** The pointer to the newest checkpoint. */
  public static final String LATEST = "LATEST";
  /** The pointer to the checkpoint with the best dev score. */
  public static final String BEST = "BEST";
  private static final List<String> TRAINER_FILES = List.of("optimizer.safetensors", "trainer.json");
  private static final Pattern STEP = Pattern.compile("step-(\\d{1,18})");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final int keepLast;

  /**
   * @param runDir the run directory
   * @param keepLast how many of the newest checkpoints to keep (at least 1), besides the best
   */
  public Checkpoints(Path runDir, int keepLast) {
    if (keepLast < 1) {
      throw new IllegalArgumentException("keepLast must be at least 1, got " + keepLast);
    }
    this.root = runDir.resolve("checkpoints");
    this.keepLast = keepLast;
  }

  /** The directory a checkpoint of {@code step} has. */
  public Path directory(long step) {
    return root.resolve(String.format("step-%07d", step));
  }

  /**
   * Saves a checkpoint of {@code step}, points {@code LATEST} at it and prunes old ones. A
   * step whose checkpoint is already complete on disk is not written again.
   *
   * @return the checkpoint directory
   */
  public Path save(ModelBundle model, Optimizer optimizer, TrainerState state) throws IOException {
    Files.createDirectories(root);
    removeLeftovers();
    Path target = directory(state.step());
    if (!isComplete(target)) {
      Path tmp = AtomicFiles.createTempDirectory(root, ".tmp-" + target.getFileName() + "-");
      List<String> files = new ArrayList<>(BundleFiles.write(tmp, model));
      SafeTensors.write(tmp.resolve("optimizer.safetensors"), optimizer.state());
      AtomicFiles.writeString(tmp.resolve("trainer.json"), JSON.writeValueAsString(state));
      files.addAll(TRAINER_FILES);
      BundleFiles.writeChecksums(tmp, files);
      if (Files.exists(target)) {
        // An incomplete leftover of the same step: moved aside, deleted once the new one is in place.
        Path aside = Files.createTempDirectory(root, ".tmp-replaced-");
        Files.move(target, aside.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(aside);
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    point(LATEST, target);
    prune();
    return target;
  }

  /** Points {@code BEST} at a saved checkpoint. */
  public void markBest(Path checkpoint) throws IOException {
    point(BEST, checkpoint);
  }

  private void point(String pointer, Path checkpoint) throws IOException {
    String name = checkpoint.getFileName().toString() + "\n";
    Path file = root.resolve(pointer);
    if (!Files.isRegularFile(file) || !Files.readString(file).equals(name)) {
      AtomicFiles.writeString(file, name);
    }
  }

  private static boolean isComplete(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try {
      List<String> files = new ArrayList<>(BundleFiles.FILES);
      files.addAll(TRAINER_FILES);
      BundleFiles.verify(dir, files);
      return true;
    } catch (ModelFileException e) {
      return false;
    }
  }

  /** Deletes every checkpoint but the newest {@code keepLast} and those LATEST and BEST point to. */
  private void prune() throws IOException {
    Set<String> keep = new HashSet<>();
    pointed(root, LATEST).ifPresent(p -> keep.add(p.getFileName().toString()));
    pointed(root, BEST).ifPresent(p -> keep.add(p.getFileName().toString()));
    List<Path> all = stepDirectories(root);
    for (int i = 0; i < all.size() - keepLast; i++) {
      if (!keep.contains(all.get(i).getFileName().toString())) {
        deleteTree(all.get(i));
      }
    }
  }

  private void removeLeftovers() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".tmp-")) {
          deleteTree(p);
        } else if (name.startsWith(".") && name.endsWith(".tmp")) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The {@code step-N} directories of {@code root}, oldest step first. */
  static List<Path> stepDirectories(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> STEP.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .sorted(Comparator.comparingLong(Checkpoints::stepOf)).toList();
    }
  }

  /** The step number in a checkpoint directory's name. */
  public static long stepOf(Path dir) {
    Matcher m = STEP.matcher(dir.getFileName().toString());
    if (!m.matches()) {
      throw new ModelFileException(dir + ": not a checkpoint directory (expected a name like step-0001500)");
    }
    return Long.parseLong(m.group(1));
  }

  /** The checkpoint {@code LATEST} points to in {@code runDir}. */
  public static Path latest(Path runDir) {
    Path root = runDir.resolve("checkpoints");
    return pointed(root, LATEST).orElseThrow(() -> new ModelFileException("no checkpoint in " + runDir
        + " (missing " + root.resolve(LATEST) + ")"));
  }

  /** The checkpoint {@code BEST} points to in {@code runDir}, if any. */
  public static Optional<Path> best(Path runDir) {
    return pointed(runDir.resolve("checkpoints"), BEST);
  }

  private static Optional<Path> pointed(Path root, String pointer) {
    Path file = root.resolve(pointer);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(file).trim();
      if (!STEP.matcher(name).matches()) {
        throw new ModelFileException(file + ": does not name a checkpoint ('" + name + "')");
      }
      Path dir = root.resolve(name);
      if (!Files.isDirectory(dir)) {
        throw new ModelFileException(file + " points to missing checkpoint " + dir);
      }
      return Optional.of(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The checkpoint directory meant by {@code path}: itself if it holds a checksum file,
   * otherwise the run's latest checkpoint.
   */
  public static Path resolve(Path path) {
    if (!Files.exists(path)) {
      throw new ModelFileException("checkpoint " + path + " does not exist");
    }
    return Files.isRegularFile(path.resolve(BundleFiles.CHECKSUMS)) ? path : latest(path);
  }

  /**
   * The model of a run's latest checkpoint, or of the checkpoint directory {@code path},
   * verified against its checksums.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   */
  public static ModelBundle loadModel(Path path, Path pluginDir) {
    return loadModel(path, pluginDir, PinPolicy.refuse());
  }

  /**
   * The model of a run's latest checkpoint, or of the checkpoint directory {@code path},
   * verified against its checksums.
   *
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   * @param pinPolicy what to do if a plugin cell's jar is not the one the model was trained with
   */
  public static ModelBundle loadModel(Path path, Path pluginDir, PinPolicy pinPolicy) {
    return BundleFiles.read(resolve(path), pluginDir, pinPolicy);
  }

  /**
   * Restores the optimizer and returns the trainer state of a checkpoint, verified against
   * the checksums and the directory's step.
   */
  public static TrainerState loadTrainingState(Path path, Optimizer optimizer) {
    Path dir = resolve(path);
    BundleFiles.verify(dir, TRAINER_FILES);
    TrainerState state;
    try {
      state = JSON.readValue(dir.resolve("trainer.json").toFile(), TrainerState.class);
    } catch (IOException e) {
      throw new ModelFileException(dir.resolve("trainer.json") + ": invalid trainer state ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (state.step() != stepOf(dir)) {
      throw new ModelFileException(dir.resolve("trainer.json") + ": step " + state.step()
          + " does not match the checkpoint's " + stepOf(dir));
    }
    Map<String, Tensor> saved;
    try {
      saved = SafeTensors.read(dir.resolve("optimizer.safetensors")).tensors();
    } catch (SafeTensorsException e) {
      throw new ModelFileException(e.getMessage());
    }
    try {
      optimizer.loadState(saved);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(dir.resolve("optimizer.safetensors") + ": " + e.getMessage());
    }
    return state;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

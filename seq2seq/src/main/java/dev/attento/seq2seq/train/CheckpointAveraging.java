package dev.attento.seq2seq.train;

import dev.attento.core.io.AtomicFiles;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.bundle.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint averaging (as OpenNMT-py's {@code average_models} and fairseq's
 * {@code average_checkpoints}): the element-wise mean of the weights of several checkpoints
 * of one model, usually the last few of a run, which smooths out the noise of the last
 * optimizer steps. Checkpoints of different architectures, tokenizers or vocabularies are
 * refused, since their weights do not mean the same thing position by position.
 */
public final class CheckpointAveraging {

  /** Files that must be byte-identical across the averaged checkpoints, and what they hold. */
  private static final Map<String, String> SHARED = Map.of("source.vocab.json", "source vocabularies",
      "target.vocab.json", "target vocabularies", "source.bpe", "source subword merges", "target.bpe",
      "target subword merges");

  private CheckpointAveraging() {}

  /**
   * The newest {@code n} checkpoints of a run, oldest first.
   *
   * @throws ModelFileException if the run holds fewer
   */
  public static List<Path> last(Path runDir, int n) throws IOException {
    List<Path> all = Checkpoints.stepDirectories(runDir.resolve("checkpoints"));
    if (all.size() < n) {
      throw new ModelFileException(runDir + " has " + all.size() + " checkpoint" + (all.size() == 1 ? "" : "s")
          + ", fewer than " + n + " (training.keepCheckpoints sets how many a run keeps)");
    }
    return all.subList(all.size() - n, all.size());
  }

  /**
   * The model whose every weight is the mean of that weight in {@code checkpoints}.
   *
   * @param checkpoints checkpoint or run directories (a run means its latest checkpoint)
   * @param pluginDir a directory of cell plugin jars, or {@code null}
   * @throws ModelFileException if a checkpoint is unreadable or does not match the first
   */
  public static ModelBundle average(List<Path> checkpoints, Path pluginDir) throws IOException {
    if (checkpoints.isEmpty()) {
      throw new IllegalArgumentException("no checkpoints to average");
    }
    Path firstDir = Checkpoints.resolve(checkpoints.get(0));
    ModelBundle first = BundleFiles.read(firstDir, pluginDir);
    Map<String, Tensor> params = first.translator().parameters().asMap();
    Map<String, double[]> sums = new java.util.LinkedHashMap<>();
    params.forEach((name, t) -> sums.put(name, toDouble(t.data())));
    for (Path p : checkpoints.subList(1, checkpoints.size())) {
      Path dir = Checkpoints.resolve(p);
      ModelBundle other = BundleFiles.read(dir, pluginDir);
      requireSameModel(firstDir, first, dir, other);
      other.translator().parameters().asMap().forEach((name, t) -> {
        double[] sum = sums.get(name);
        float[] x = t.data();
        for (int i = 0; i < x.length; i++) {
          sum[i] += x[i];
        }
      });
    }
    int n = checkpoints.size();
    params.forEach((name, t) -> {
      double[] sum = sums.get(name);
      float[] out = t.data();
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (sum[i] / n);
      }
    });
    return first;
  }

  private static void requireSameModel(Path firstDir, ModelBundle first, Path dir, ModelBundle other)
      throws IOException {
    String prefix = "cannot average " + firstDir + " and " + dir + ": different ";
    if (!first.config().equals(other.config())) {
      throw new ModelFileException(prefix + "architectures (model.json)");
    }
    if (!first.source().tokenizer().spec().equals(other.source().tokenizer().spec())
        || !first.target().tokenizer().spec().equals(other.target().tokenizer().spec())) {
      throw new ModelFileException(prefix + "tokenizers (model.json)");
    }
    for (var e : SHARED.entrySet()) {
      Path a = firstDir.resolve(e.getKey());
      Path b = dir.resolve(e.getKey());
      boolean same = Files.exists(a) == Files.exists(b)
          && (!Files.exists(a) || Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
      if (!same) {
        throw new ModelFileException(prefix + e.getValue() + " (" + e.getKey() + ")");
      }
    }
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  /**
   * Writes {@code model} as a model directory {@code out} that {@code translate -m} loads,
   * with its checksums, plus {@code extras} (e.g. the run's {@code config.json}) copied in.
   * The directory is assembled beside {@code out} and renamed into place, so {@code out} is
   * either absent, the previous model or the new one. {@code out} may be absent, an empty
   * directory or a model directory (replaced); anything else — a file, a symlink, a special
   * file, a directory with other content — is refused and left alone.
   */
  public static void write(Path out, ModelBundle model, List<Path> extras) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    boolean replace = false;
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(out + " exists and is not a directory (a file, symlink or special file is never replaced)");
      }
      boolean empty;
      try (var s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.isRegularFile(out.resolve(BundleFiles.CHECKSUMS), LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(out + " exists and is not a model directory; give a new or empty directory");
      }
      replace = true;
    }
    Files.createDirectories(parent);
    Path tmp = AtomicFiles.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
    try {
      List<String> files = new ArrayList<>(BundleFiles.write(tmp, model));
      for (Path extra : extras) {
        String name = extra.getFileName().toString();
        AtomicFiles.write(tmp.resolve(name), o -> Files.copy(extra, o));
        files.add(name);
      }
      BundleFiles.writeChecksums(tmp, files);
      if (replace) {
        Path aside = AtomicFiles.createTempDirectory(parent, "." + out.getFileName() + ".old-");
        Files.move(out, aside.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        Checkpoints.deleteTree(aside);
      } else {
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (Files.exists(tmp)) {
        Checkpoints.deleteTree(tmp);
      }
    }
  }
}

package dev.attento.spark.train;

import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.spark.plugins.PluginShipment;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model bundle's files as bytes (architecture, vocabularies and tokenizers, weights): how the
 * driver ships the model to the workers, with no storage shared between them.
 *
 * @param files each file's name and content
 */
record ModelFiles(Map<String, byte[]> files) implements Serializable {

  /** The files {@link BundleFiles#write} makes of {@code model}, checksums included. */
  static ModelFiles of(ModelBundle model) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("attento-model-");
      List<String> names = BundleFiles.write(dir, model);
      BundleFiles.writeChecksums(dir, names);
      Map<String, byte[]> files = new LinkedHashMap<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
      }
      return new ModelFiles(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model for the workers: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * The model, read back (and verified) from a temporary directory; a plugin cell is loaded
   * from the jar {@code plugins} shipped for it, its pin checked.
   */
  ModelBundle load(PluginShipment plugins) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("attento-model-");
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
      return BundleFiles.read(dir, plugins.jarFor(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the model on a worker: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A leftover in the temporary directory is harmless; the error that matters is the caller's.
    }
  }
}

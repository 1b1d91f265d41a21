package dev.attento.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes files so that a reader sees either the old content or the complete new content,
 * never a torn file, even if the process dies mid-write: write a temporary file in the same
 * directory, force it to disk, then rename it over the target (an atomic operation on POSIX
 * file systems).
 *
 * <p>A new file gets the permissions of any file the user creates (0666 minus the umask, so
 * usually 0644), not the owner-only 0600 of {@link Files#createTempFile}: a shared run must be
 * readable by the people it is shared with. A file that already exists keeps its permissions,
 * as it would under a shell's {@code >}.
 *
 * <p>This replaces whatever is at the target. Outputs a user names should go through
 * {@link OutputTarget}, which never replaces a symlink, a device or a pipe.
 */
public final class AtomicFiles {

  /** Writes the body of a file to a stream. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the content. */
    void write(OutputStream out) throws IOException;
  }

  /** Attempts at a temporary name before giving up; a clash needs two 122-bit random names to meet. */
  private static final int NAME_ATTEMPTS = 8;

  private AtomicFiles() {}

  /** Atomically replaces {@code target} with what {@code writer} writes. */
  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    try (Temporary tmp = Temporary.file(dir, "." + target.getFileName() + ".", ".tmp")) {
      try (FileChannel ch = FileChannel.open(tmp.path, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        writer.write(out);
        out.flush();
        ch.force(true);
      }
      keepPermissions(target, tmp.path);
      try {
        Files.move(tmp.path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp.path, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Atomically replaces {@code target} with a UTF-8 string. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A new, empty directory {@code dir/prefix<random>} with the permissions of any directory the
   * user creates (0777 minus the umask), unlike {@link Files#createTempDirectory}'s 0700: the
   * place to assemble a directory that is then renamed into place (a checkpoint).
   */
  public static Path createTempDirectory(Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    return createUnique(dir, prefix, "", Files::createDirectory);
  }

  /** Creates {@code dir/prefix<random>suffix}, drawing another name on the rare clash. */
  private static Path createUnique(Path dir, String prefix, String suffix, Creator creator) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path candidate = dir.resolve(prefix + UUID.randomUUID() + suffix);
      try {
        creator.create(candidate);
        return candidate;
      } catch (FileAlreadyExistsException e) {
        if (attempt == NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Creates a file or directory that must not exist yet. */
  @FunctionalInterface
  private interface Creator {
    void create(Path path) throws IOException;
  }

  /** A replaced regular file keeps its mode (a user's chmod survives a rewrite); a new one gets the umask's. */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (old == null || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
    } catch (java.nio.file.NoSuchFileException e) {
      // The old file went away meanwhile: the new one keeps the umask's permissions.
    }
  }

  /** A temporary file created without explicit permissions (so the umask applies), deleted unless renamed away. */
  private static final class Temporary implements AutoCloseable {
    final Path path;

    private Temporary(Path path) {
      this.path = path;
    }

    static Temporary file(Path dir, String prefix, String suffix) throws IOException {
      // CREATE_NEW without a FileAttribute: open(2) with 0666, reduced by the umask.
      return new Temporary(createUnique(dir, prefix, suffix,
          p -> FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close()));
    }

    @Override
    public void close() throws IOException {
      Files.deleteIfExists(path);
    }
  }
}

package dev.attento.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Where an output a user names goes ({@code -o}, {@code --output}, {@code --chart}), and how it
 * is written. What is at the path when the output is written decides:
 *
 * <ul>
 *   <li>nothing, or a regular file: written {@linkplain AtomicFiles atomically} (a temporary
 *       file in the same directory, forced to disk, renamed over the target), so a crash leaves
 *       the old content or the new, never a torn file; a new file gets the umask's permissions;
 *   <li>a symlink, a character or block device, a FIFO: <em>written through</em> — opened and
 *       written in place, never replaced. {@code -o /dev/null} stays the system's null device,
 *       a symlink keeps pointing where it did (its target gets the content), a pipe's reader
 *       gets the bytes. A symlink to a regular file is then not atomic: the link is the user's
 *       choice and outlives the output;
 *   <li>a directory (or a symlink to one): refused with an {@link IOException} saying so in one line;
 *   <li>{@code -}, where the caller {@linkplain #forArgument accepts it}: standard output.
 *       Where it does not ({@link #of}), a bare {@code -} is refused rather than becoming a file
 *       named {@code -}; {@code ./-} names such a file.
 * </ul>
 */
public final class OutputTarget {

  private static final Path STDOUT_NAME = Path.of("-");

  private final Path path;
  private final OutputStream stdout;

  private OutputTarget(Path path, OutputStream stdout) {
    this.path = path;
    this.stdout = stdout;
  }

  /** A file output; {@code -} is refused (this output cannot go to standard output). */
  public static OutputTarget of(Path path) {
    return new OutputTarget(Objects.requireNonNull(path, "path"), null);
  }

  /** An output that {@code -} sends to {@code stdout} (which is flushed, never closed). */
  public static OutputTarget forArgument(Path argument, OutputStream stdout) {
    Objects.requireNonNull(stdout, "stdout");
    return isStdout(argument) ? new OutputTarget(null, stdout) : of(argument);
  }

  /** Whether a path argument is {@code -}, the usual name of standard output. */
  public static boolean isStdout(Path argument) {
    return STDOUT_NAME.equals(argument);
  }

  /** Whether this output is standard output (so messages about it belong on standard error). */
  public boolean isStdout() {
    return path == null;
  }

  /** Writes the output as the class comment describes. */
  public void write(AtomicFiles.Writer writer) throws IOException {
    if (path == null) {
      writeToStdout(writer);
      return;
    }
    if (isStdout(path)) {
      throw new IOException("'-' cannot be standard output here; write ./- for a file named '-'");
    }
    BasicFileAttributes found = attributes(path);
    if (found == null || found.isRegularFile()) {
      AtomicFiles.write(path, writer);
    } else if (Files.isDirectory(path)) {
      throw new IOException(path + " is a directory; give a file name");
    } else {
      writeThrough(writer);
    }
  }

  @Override
  public String toString() {
    return path == null ? "standard output" : path.toString();
  }

  private static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Opens what is there (following a symlink) and writes in place, as a shell's {@code >} does. */
  private void writeThrough(AtomicFiles.Writer writer) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = Channels.newOutputStream(ch);
      writer.write(out);
      out.flush();
      if (Files.isRegularFile(path)) {
        ch.force(true); // a symlinked file: durable like an atomic write (devices and pipes cannot sync)
      }
    }
  }

  private void writeToStdout(AtomicFiles.Writer writer) throws IOException {
    // The writer may close what it is given (a wrapping Writer's close): standard output stays open.
    writer.write(new FilterOutputStream(stdout) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    });
    stdout.flush();
    if (stdout instanceof PrintStream print && print.checkError()) {
      throw new IOException("could not write to standard output (closed, or a pipe whose reader has gone)");
    }
  }
}

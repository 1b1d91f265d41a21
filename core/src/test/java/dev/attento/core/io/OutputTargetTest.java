package dev.attento.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link OutputTarget} does with each kind of path: the promises of docs/reliability.md, "Output files". */
class OutputTargetTest {

  /** The file type bits of {@code st_mode}. */
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  @TempDir
  Path dir;

  @Test
  void aNewFileIsWrittenAtomicallyWithTheUmasksPermissions() throws Exception {
    Path reference = Files.createFile(dir.resolve("made-by-the-user")); // 0666 minus the umask
    Path out = dir.resolve("pairs.tsv");
    write(OutputTarget.of(out), "a\tb\n");
    assertEquals("a\tb\n", Files.readString(out));
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
    assertEquals(List.of("made-by-the-user", "pairs.tsv"), names(dir), "no temporary file left");
  }

  @Test
  void aRegularFileIsReplacedByRenameAndKeepsItsPermissions() throws Exception {
    Path out = dir.resolve("pairs.tsv");
    Files.writeString(out, "old");
    Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(out, chosen);
    Object before = Files.readAttributes(out, "unix:ino").get("ino");
    write(OutputTarget.of(out), "new");
    assertEquals("new", Files.readString(out));
    assertNotEquals(before, Files.readAttributes(out, "unix:ino").get("ino"), "a new inode: renamed into place");
    assertEquals(chosen, Files.getPosixFilePermissions(out));
  }

  @Test
  void aTemporaryDirectoryHasTheUmasksPermissions() throws Exception {
    Path reference = Files.createDirectory(dir.resolve("made-by-the-user"));
    Path tmp = AtomicFiles.createTempDirectory(dir.resolve("checkpoints"), ".tmp-step-");
    assertTrue(tmp.getFileName().toString().startsWith(".tmp-step-"));
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(tmp));
  }

  @Test
  void aCharacterDeviceIsWrittenThroughAndStaysADevice() throws Exception {
    assumeTrue(isRoot(), "mknod needs root");
    Path node = dir.resolve("n");
    assumeTrue(run("mknod", "-m", "666", node.toString(), "c", "1", "3") == 0, "mknod not permitted here");
    write(OutputTarget.of(node), "into the null device");
    assertEquals(S_IFCHR, mode(node) & S_IFMT, "still a character device");
    assertEquals(0666, mode(node) & 0777);
    assertEquals(List.of("n"), names(dir));
  }

  @Test
  void aSymlinkKeepsPointingAtItsTargetWhichGetsTheContent() throws Exception {
    Path target = Files.writeString(dir.resolve("real.tsv"), "old content, longer than the new");
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("real.tsv"));
    write(OutputTarget.of(link), "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(Path.of("real.tsv"), Files.readSymbolicLink(link));
    assertEquals("new", Files.readString(target));
  }

  @Test
  void aDanglingSymlinkCreatesItsTarget() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("later.tsv"));
    write(OutputTarget.of(link), "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("later.tsv")));
  }

  @Test
  void aFifoIsWrittenThroughToItsReader() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo not available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    write(OutputTarget.of(fifo), "through the pipe");
    // A generous bound so that a regression (the FIFO replaced, the reader never served) fails instead of hanging.
    assertEquals("through the pipe", reader.get(60, TimeUnit.SECONDS));
    assertEquals(S_IFIFO, mode(fifo) & S_IFMT, "still a FIFO");
  }

  @Test
  void aDashIsStandardOutputWhereAccepted() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    boolean[] closed = {false};
    OutputStream watched = new java.io.FilterOutputStream(stdout) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    OutputTarget target = OutputTarget.forArgument(Path.of("-"), watched);
    assertTrue(target.isStdout());
    assertEquals("standard output", target.toString());
    target.write(out -> {
      out.write("a\tb\n".getBytes(StandardCharsets.UTF_8));
      out.close(); // a writer closing its stream must not close standard output
    });
    assertEquals("a\tb\n", stdout.toString(StandardCharsets.UTF_8));
    assertFalse(closed[0]);
    assertEquals(List.of(), names(dir));
  }

  @Test
  void aDashIsRefusedWhereStandardOutputIsNotAcceptedAndDotSlashDashIsAFile() throws Exception {
    IOException e = assertThrows(IOException.class, () -> write(OutputTarget.of(Path.of("-")), "x"));
    assertTrue(e.getMessage().contains("./-"), e.getMessage());
    Path dash = dir.resolve("-");
    OutputTarget file = OutputTarget.forArgument(dash, OutputStream.nullOutputStream());
    assertFalse(file.isStdout());
    write(file, "x");
    assertEquals("x", Files.readString(dash));
  }

  @Test
  void aDirectoryIsRefusedInOneLine() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
    for (Path p : List.of(sub, link)) {
      IOException e = assertThrows(IOException.class, () -> write(OutputTarget.of(p), "x"));
      assertEquals(p + " is a directory; give a file name", e.getMessage());
    }
    assertEquals(List.of(), names(sub));
  }

  private static void write(OutputTarget target, String content) throws IOException {
    target.write(out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  private static List<String> names(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }
}

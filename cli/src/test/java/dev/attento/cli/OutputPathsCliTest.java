package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' -o options never replace a device or a symlink (issue 15, item 1; core's OutputTargetTest covers the rest). */
class OutputPathsCliTest {

  @TempDir
  Path dir;

  @Test
  void dataGenerateAndImportWriteThroughACharacterDevice() throws Exception {
    assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")), "mknod needs root");
    Path node = dir.resolve("n");
    Process mknod = new ProcessBuilder("mknod", "-m", "666", node.toString(), "c", "1", "3").inheritIO().start();
    assumeTrue(mknod.waitFor() == 0, "mknod not permitted here");
    Cli.Result generated = Cli.run("data", "generate", "copy", "--count", "3", "-o", node.toString());
    assertEquals(0, generated.code(), generated.err());
    assertCharacterDevice(node);
    Path corpus = dir.resolve("corpus.tsv");
    assertEquals(0, Cli.run("data", "generate", "reverse", "--count", "20", "-o", corpus.toString()).code());
    Cli.Result imported = Cli.run("data", "import", corpus.toString(), "-o", node.toString());
    assertEquals(0, imported.code(), imported.err());
    assertCharacterDevice(node);
  }

  @Test
  void dataGenerateWritesThroughASymlink() throws Exception {
    Path target = dir.resolve("pairs.tsv");
    Path link = Files.createSymbolicLink(dir.resolve("latest.tsv"), target.getFileName());
    Cli.Result r = Cli.run("data", "generate", "copy", "--count", "3", "-o", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(3, Files.readAllLines(target).size());
  }

  @Test
  void aDirectoryIsRefusedInOneLine() {
    Cli.Result r = Cli.run("data", "generate", "copy", "--count", "3", "-o", dir.toString());
    assertEquals(UserError.EXIT_CODE, r.code());
    assertEquals("attento: " + dir + " is a directory; give a file name\n", r.err());
  }

  private static void assertCharacterDevice(Path p) throws Exception {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    assertEquals(0020000, mode & 0170000, "still a character device");
  }
}

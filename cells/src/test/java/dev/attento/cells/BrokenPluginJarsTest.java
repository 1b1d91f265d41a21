package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of broken plugin jar, built here: it is reported in one line naming the jar (and
 * the class where there is one), and the built-ins and a good plugin beside it still load.
 */
class BrokenPluginJarsTest {

  @TempDir
  Path dir;

  Path plugins;

  @BeforeEach
  void aDirectoryWithOneGoodPlugin() throws Exception {
    plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJars.build(plugins.resolve("good.jar"),
        Map.of("com.example.Good", PluginJars.provider("com.example", "Good", "good", "")), List.of("com.example.Good"));
  }

  /** Loads the directory, checks the others still load, and returns the one problem. */
  private String theOnlyProblem() {
    CellRegistry r = CellRegistry.load(plugins);
    assertEquals(List.of("good", "gru", "lstm", "rnn"), r.entries().stream().map(CellRegistry.Entry::name).toList());
    assertEquals(1, r.problems().size(), r.problems().toString());
    return r.problems().get(0);
  }

  @Test
  void aClassFileForANewerJavaSaysWhichJavaItNeeds() throws Exception {
    Path jar = PluginJars.build(plugins.resolve("new.jar"),
        Map.of("com.example.Next", PluginJars.provider("com.example", "Next", "next", "")), List.of("com.example.Next"));
    // One Java newer than the one running the test (Java N reads class files up to version N + 44).
    int newer = Runtime.version().feature() + 1;
    PluginJars.patchClassVersion(jar, "com.example.Next", newer + 44);
    assertEquals(jar + ": provider com.example.Next needs Java " + newer + " (class file version " + (newer + 44)
        + "); this is Java " + Runtime.version().feature(), theOnlyProblem());
  }

  @Test
  void randomBytesAreNotAJar() throws Exception {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Path jar = Files.write(plugins.resolve("junk.jar"), junk);
    assertEquals(jar + ": not a valid jar (ZipException: zip END header not found)", theOnlyProblem());
  }

  @Test
  void aTruncatedJarIsNotAJar() throws Exception {
    Path jar = PluginJars.build(plugins.resolve("cut.jar"),
        Map.of("com.example.Cut", PluginJars.provider("com.example", "Cut", "cut", "")), List.of("com.example.Cut"));
    byte[] whole = Files.readAllBytes(jar);
    Files.write(jar, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertEquals(jar + ": not a valid jar (ZipException: zip END header not found)", theOnlyProblem());
  }

  @Test
  void aDirectoryNamedLikeAJarIsReported() throws Exception {
    Path jar = Files.createDirectory(plugins.resolve("x.jar"));
    assertEquals(jar + ": not a regular file (a directory)", theOnlyProblem());
  }

  @Test
  void aDanglingSymlinkIsReported() throws Exception {
    Path jar = Files.createSymbolicLink(plugins.resolve("gone.jar"), dir.resolve("nowhere.jar"));
    assertEquals(jar + ": broken symbolic link to " + dir.resolve("nowhere.jar"), theOnlyProblem());
  }

  @Test
  void anUnreadableJarIsReported() throws Exception {
    Path jar = PluginJars.build(plugins.resolve("locked.jar"),
        Map.of("com.example.L", PluginJars.provider("com.example", "L", "locked", "")), List.of("com.example.L"));
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(jar), "running as a user who reads every file (root)");
    assertEquals(jar + ": not readable (permission denied)", theOnlyProblem());
  }

  @Test
  void aJarWithoutProvidersIsAWarning() throws Exception {
    Path jar = plugins.resolve("empty.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("README"));
      out.write(1);
      out.closeEntry();
    }
    assertEquals(jar + ": warning: no cell providers (the jar has no META-INF/services/"
        + "dev.attento.cells.spi.CellProvider listing one); ignored", theOnlyProblem());
  }

  @Test
  void aThrowingConstructorIsShownAsSuchNotAsAnUnknownCell() throws Exception {
    Path jar = PluginJars.build(plugins.resolve("boom.jar"), Map.of("com.example.Boom",
        PluginJars.provider("com.example", "Boom", "boom", "throw new IllegalStateException(\"no licence\");")),
        List.of("com.example.Boom"));
    assertEquals(jar + ": provider com.example.Boom failed to construct: IllegalStateException: no licence",
        theOnlyProblem());
  }

  @Test
  void aPluginClaimingABuiltInNameIsRefusedAndTheBuiltInStays() throws Exception {
    Path jar = PluginJars.build(plugins.resolve("fake-lstm.jar"),
        Map.of("com.example.Fake", PluginJars.provider("com.example", "Fake", "lstm", "")), List.of("com.example.Fake"));
    assertEquals(jar + ": provider com.example.Fake claims the built-in cell name 'lstm'; refused (the built-in stays)",
        theOnlyProblem());
    assertEquals("built-in", CellRegistry.load(plugins).entry("lstm").source());
  }

  @Test
  void anUnknownCellListsTheAvailableOnesAndHowToAddAJar() {
    CellRegistryException e = assertThrows(CellRegistryException.class, () -> CellRegistry.load(plugins).entry("indrnn"));
    assertEquals("unknown cell 'indrnn'; available: good, gru, lstm, rnn (a plugin cell needs its jar: --plugins DIR,"
        + " DIR holding the jar)", e.getMessage());
  }

  @Test
  void aSingleJarCanBeLoadedOnItsOwn() {
    CellRegistry r = CellRegistry.load(plugins.resolve("good.jar"));
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(plugins.resolve("good.jar").toString(), r.entry("good").source());
  }
}

package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.spi.CellProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar declares the cell SPI version it was built for; one built for another major
 * version, or a newer minor one, is refused in one line naming the jar and both versions, and
 * the other cells still load.
 */
class SpiVersionTest {

  @TempDir
  Path dir;

  private CellRegistry loadJarDeclaring(String version) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    PluginJars.build(plugins.resolve("cell.jar"),
        Map.of("com.example.Cell", PluginJars.provider("com.example", "Cell", "mycell", "")), List.of("com.example.Cell"),
        version == null ? Map.of() : Map.of(CellProvider.SPI_VERSION_ATTRIBUTE, version));
    return CellRegistry.load(plugins);
  }

  private static List<String> names(CellRegistry r) {
    return r.entries().stream().map(CellRegistry.Entry::name).toList();
  }

  @Test
  void aJarBuiltForThisVersionLoads() throws Exception {
    CellRegistry r = loadJarDeclaring(CellProvider.SPI_VERSION);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(List.of("gru", "lstm", "mycell", "rnn"), names(r));
  }

  @Test
  void aJarBuiltForAnOlderMinorVersionLoads() throws Exception {
    CellRegistry r = loadJarDeclaring("1.0");
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertTrue(names(r).contains("mycell"));
  }

  @Test
  void aJarThatDeclaresNoVersionCountsAsOnePointZero() throws Exception {
    CellRegistry r = loadJarDeclaring(null);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertTrue(names(r).contains("mycell"));
  }

  @Test
  void aJarBuiltForAnotherMajorVersionIsRefusedInOneLine() throws Exception {
    CellRegistry r = loadJarDeclaring("2.0");
    Path jar = dir.resolve("plugins").resolve("cell.jar").toAbsolutePath();
    assertEquals(List.of(jar + ": built for cell SPI 2.0; this Attento has SPI 1.1, which loads plugins built for 1.0 to"
        + " 1.1; refused"), r.problems());
    assertEquals(List.of("gru", "lstm", "rnn"), names(r), "the built-ins still load");
  }

  @Test
  void aJarBuiltForANewerMinorVersionIsRefused() throws Exception {
    CellRegistry r = loadJarDeclaring("1.2");
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).endsWith("cell.jar: built for cell SPI 1.2; this Attento has SPI 1.1, which loads"
        + " plugins built for 1.0 to 1.1; refused"), r.problems().get(0));
  }

  @Test
  void aMalformedVersionIsRefused() throws Exception {
    CellRegistry r = loadJarDeclaring("one");
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).endsWith("cell.jar: declares cell SPI version 'one' in its manifest"
        + " (Attento-Cell-SPI-Version), which is not MAJOR.MINOR; refused"), r.problems().get(0));
  }

  @Test
  void olderMinorVersionsOfTheSameMajorLoadAndNothingElseDoes() {
    assertNull(SpiCompatibility.problem("1.0", "1.3"));
    assertNull(SpiCompatibility.problem("1.3", "1.3"));
    assertNull(SpiCompatibility.problem(null, "1.2"));
    assertEquals("built for cell SPI 1.4; this Attento has SPI 1.3, which loads plugins built for 1.0 to 1.3; refused",
        SpiCompatibility.problem("1.4", "1.3"));
    assertEquals("built for cell SPI 1.0 (it declares no Attento-Cell-SPI-Version); this Attento has SPI 2.1, which"
        + " loads plugins built for 2.0 to 2.1; refused", SpiCompatibility.problem(null, "2.1"));
  }

  @Test
  void theExamplePluginsDeclareThisVersion() throws Exception {
    try (var poms = Files.list(Path.of("..", "examples"))) {
      List<Path> plugins = poms.map(d -> d.resolve("pom.xml")).filter(Files::exists)
          .filter(p -> readString(p).contains("<artifactId>attento-cells</artifactId>")).toList();
      assertTrue(plugins.size() >= 4, plugins.toString());
      for (Path pom : plugins) {
        assertTrue(readString(pom).contains("<Attento-Cell-SPI-Version>" + CellProvider.SPI_VERSION
            + "</Attento-Cell-SPI-Version>"), pom + " declares SPI " + CellProvider.SPI_VERSION);
      }
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

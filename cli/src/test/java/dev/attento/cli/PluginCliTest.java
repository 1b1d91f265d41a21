package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.spi.CellProvider;
import dev.attento.core.tensor.Tensor;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin promise end to end: the example plugin in examples/mgu-cell is compiled and
 * jarred, dropped into a plugin directory, and used through the CLI (it is not on this
 * module's class path, so it can only come from the jar).
 */
class PluginCliTest {

  @TempDir
  static Path dir;

  static Path plugins;

  @BeforeAll
  static void buildThePluginJar() throws Exception {
    Path sources = Path.of("..", "examples", "mgu-cell", "src", "main");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath()));
    try (Stream<Path> files = Files.walk(sources.resolve("java"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])));
    plugins = Files.createDirectories(dir.resolve("plugins"));
    try (OutputStream out = Files.newOutputStream(plugins.resolve("mgu.jar")); JarOutputStream jar = new JarOutputStream(out)) {
      Path services = sources.resolve("resources/META-INF/services/dev.attento.cells.spi.CellProvider");
      jar.putNextEntry(new JarEntry("META-INF/services/dev.attento.cells.spi.CellProvider"));
      jar.write(Files.readAllBytes(services));
      jar.closeEntry();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path c : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
          jar.write(Files.readAllBytes(c));
          jar.closeEntry();
        }
      }
    }
  }

  private static String classPath() throws URISyntaxException {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : List.of(CellProvider.class, Tensor.class, UniformRandomProvider.class)) {
      parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  @Test
  void thePluginIsListedWithItsJar() {
    Cli.Result r = Cli.run("cells", "list", "--plugins", plugins.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("mgu") && r.out().contains(plugins.resolve("mgu.jar").toString()), r.out());
    assertTrue(Cli.run("cells", "list").out().lines().noneMatch(l -> l.startsWith("mgu")), "not without --plugins");
  }

  @Test
  void thePluginPassesTheConformanceKitThroughTheCli() {
    Cli.Result r = Cli.run("cells", "check", "mgu", "--plugins", plugins.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASSED"), r.out());
  }

  @Test
  void aTranslatorTrainsWithThePluginCell() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--cell", "mgu", "--plugins", plugins.toString(), "--runs",
        dir.toString(), "--name", "mgu"));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("model: mgu"), r.out());
    Cli.Result t = Cli.run("translate", "-m", dir.resolve("mgu").toString(), "--plugins", plugins.toString(), "March 3, 2021");
    assertEquals(0, t.code(), t.err());
  }

  @Test
  void aBrokenJarBesideThePluginIsReportedOnceOnStderrAndDoesNotStopIt() throws Exception {
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(plugins.resolve("mgu.jar"), mixed.resolve("mgu.jar"));
    Path junk = Files.write(mixed.resolve("junk.jar"), new byte[] {1, 2, 3, 4});
    Cli.Result r = Cli.run("cells", "check", "mgu", "--plugins", mixed.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("plugins: " + junk.toAbsolutePath().normalize() + ": not a valid jar (ZipException: zip END header not found)\n",
        r.err());
    Cli.Result list = Cli.run("cells", "list", "--plugins", mixed.toString());
    assertEquals(1, list.code(), "a broken jar is a failure of cells list");
    assertTrue(list.out().contains("mgu") && list.out().contains("lstm"), list.out());
  }
}

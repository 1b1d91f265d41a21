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
    assertTrue(!r.out().contains("speed:"), "timed only when asked: " + r.out());
  }

  @Test
  void theKitPutsTheCellsSpeedNextToTheBuiltInLstmWhenAsked() {
    Cli.Result r = Cli.run("cells", "check", "mgu", "--plugins", plugins.toString(), "--large", "--speed", "2");
    assertEquals(0, r.code(), r.out() + r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[1].contains("built 48→96"), "large sizes: " + r.out());
    assertTrue(lines[lines.length - 2].matches("speed: \\d+\\.\\d\\d× the built-in LSTM \\(.*, medians of 2\\)"), r.out());
    assertEquals("PASSED", lines[lines.length - 1]);
    Cli.Result none = Cli.run("cells", "check", "mgu", "--plugins", plugins.toString(), "--speed", "0");
    assertEquals(1, none.code());
    assertEquals("attento: --speed needs at least 1 round, got 0\n", none.err());
  }

  @Test
  void aTranslatorTrainsWithThePluginCell() {
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--cell", "mgu", "--plugins", plugins.toString(), "--runs",
        dir.toString(), "--name", "mgu"));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("model: mgu"), r.err());
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

  @Test
  void aPluginRunIsPinnedToItsJar() throws Exception {
    Path pinned = Files.createDirectories(dir.resolve("pinned"));
    Path jar = Files.copy(plugins.resolve("mgu.jar"), pinned.resolve("mgu.jar"));
    Path run = dir.resolve("pinned-run");
    Cli.Result r = Cli.run(CliTest.with(CliTest.TINY, "train", "--cell", "mgu", "--plugins", pinned.toString(), "--runs",
        dir.toString(), "--name", "pinned-run"));
    assertEquals(0, r.code(), r.out() + r.err());
    String sha = dev.attento.cells.PluginJar.sha256(jar);
    var model = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        dev.attento.seq2seq.train.Checkpoints.resolve(run).resolve("model.json").toFile()).path("cellPlugin");
    assertEquals(jar.toAbsolutePath().normalize().toString(), model.path("jar").asText());
    assertEquals(sha, model.path("sha256").asText());
    assertEquals("org.example.mgu.MguProvider", model.path("provider").asText());
    assertEquals("{\"forget_bias\":\"1.0\",\"init_scale\":\"1.0\"}", model.path("options").toString(), "options with defaults filled in");

    assertEquals(0, translate(run).code(), "without --plugins the recorded jar is used");
    assertEquals(0, translate(run, "--plugins", plugins.toString()).code(), "the same jar elsewhere is accepted");
    Cli.Result resumed = Cli.run("train", "--resume", run.toString(), "--set", "training.steps=12");
    assertEquals(0, resumed.code(), "a resumed plugin run finds its recorded jar: " + resumed.err());

    byte[] original = Files.readAllBytes(jar);
    rejar(jar);
    String differs = "plugin jar " + jar + " differs from the one the model was trained with (version 2.0, recorded none; SHA-256 "
        + dev.attento.cells.PluginJar.sha256(jar).substring(0, 12) + "…, recorded " + sha.substring(0, 12) + "…)";
    String differsOutsideTheJar = "plugin jar " + jar + " differs from the one the model was trained with (SHA-256 "
        + dev.attento.cells.PluginJar.sha256(jar).substring(0, 12) + "…, recorded " + sha.substring(0, 12) + "…)";
    String refused = "; refusing to load it (--accept-changed-plugins loads it anyway)\n";
    Cli.Result altered = translate(run);
    assertEquals(1, altered.code());
    assertEquals("attento: " + differsOutsideTheJar + refused, altered.err(), "refused before the jar's code runs");
    Cli.Result alteredInDir = translate(run, "--plugins", pinned.toString());
    assertEquals(1, alteredInDir.code());
    assertEquals("attento: " + differs + refused, alteredInDir.err());
    for (String[] where : List.of(new String[0], new String[] {"--plugins", pinned.toString()})) {
      List<String> args = new ArrayList<>(List.of(where));
      args.add("--accept-changed-plugins");
      Cli.Result accepted = translate(run, args.toArray(new String[0]));
      assertEquals(0, accepted.code(), accepted.err());
      assertEquals("warning: " + differs + "; loading it anyway, as asked\n", accepted.err());
      assertEquals(translate(run, "--plugins", plugins.toString()).out(), accepted.out(), "the same cell, rebuilt");
    }

    Files.write(jar, original);
    assertEquals(0, translate(run).code(), "the original jar back in place");
    Files.delete(jar);
    Cli.Result missing = translate(run);
    assertEquals(1, missing.code());
    assertEquals("attento: the model's cell 'mgu' comes from the plugin jar " + jar
        + ", which is missing; give the directory that holds it with --plugins DIR\n", missing.err());
  }

  private static Cli.Result translate(Path run, String... more) {
    List<String> args = new ArrayList<>(List.of("translate", "-m", run.toString()));
    args.addAll(List.of(more));
    args.add("March 3, 2021");
    return Cli.run(args.toArray(new String[0]));
  }

  /** Rewrites {@code jar} with one more entry and version 2.0: the same classes, another hash (a changed plugin). */
  private static void rejar(Path jar) throws Exception {
    Path copy = jar.resolveSibling("copy.tmp");
    var manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION, "2.0");
    try (var in = new java.util.jar.JarFile(jar.toFile());
         JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
      for (JarEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new JarEntry(e.getName()));
        out.write(in.getInputStream(e).readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("CHANGED"));
      out.write(1);
      out.closeEntry();
    }
    Files.move(copy, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void badCellOptionsAndUnknownCellsStopTrainBeforeAnyRunDirectoryIsMade() throws Exception {
    Path runs = dir.resolve("no-runs");
    Cli.Result option = Cli.run(CliTest.with(CliTest.TINY, "train", "--cell", "mgu", "--plugins", plugins.toString(),
        "--cell-option", "forgetbias=2", "--runs", runs.toString()));
    assertEquals(1, option.code());
    assertEquals("attento: cell 'mgu' has no option 'forgetbias'; known options: forget_bias, init_scale\n", option.err());
    Cli.Result cell = Cli.run(CliTest.with(CliTest.TINY, "train", "--cell", "indrnn", "--runs", runs.toString()));
    assertEquals(1, cell.code());
    assertEquals("attento: unknown cell 'indrnn'; available: gru, lstm, rnn (a plugin cell needs its jar: --plugins DIR,"
        + " DIR holding the jar)\n", cell.err());
    assertTrue(!Files.exists(runs), "no run directory is left behind");
  }
}

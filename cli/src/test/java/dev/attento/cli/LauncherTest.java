package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code attento} launcher script, run as a user runs it. It runs in a copy of the
 * repository's layout whose {@code cli/target/attento.jar} is a manifest-only jar over the
 * test class path, so the script finds a current jar and never starts a Maven build.
 */
class LauncherTest {

  @TempDir
  static Path dir;

  static Path root;

  @BeforeAll
  static void layOutARepository() throws IOException {
    root = Files.createDirectories(dir.resolve("repo"));
    Path script = Path.of("").toAbsolutePath().getParent().resolve("attento");
    Files.copy(script, root.resolve("attento"));
    Files.setPosixFilePermissions(root.resolve("attento"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(
        System.getProperty("java.class.path").split(File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
    Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("attento.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
  }

  @Test
  void anErrorIsOneLineOnStandardErrorWithTheVectorModule() throws Exception {
    Path missing = dir.resolve("no-such-run");
    Run r = run(dir, root.resolve("attento").toString(), "translate", "-m", missing.toString());
    assertEquals(UserError.EXIT_CODE, r.code, r.err);
    assertEquals("attento: checkpoint " + missing + " does not exist\n", r.err, "no incubator warning");
  }

  @Test
  void aSymlinkOnPathRunsTheLauncherAndCompletionRegistersItsName() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("my-attento"), Path.of("../repo/attento"));
    Run r = run(dir, link.toString(), "completion");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("complete -F _complete_attento -o default attento "), "the usual name");
    assertTrue(r.out.endsWith("complete -F _complete_attento -o default my-attento\n"), "and the name it was run as");
  }

  @Test
  void installLinksTheLauncherIntoPrefixBin() throws Exception {
    Path prefix = dir.resolve("prefix");
    Run r = run(dir, root.resolve("attento").toString(), "install", "--prefix", prefix.toString());
    assertEquals(0, r.code, r.err);
    Path installed = prefix.resolve("bin/attento");
    assertTrue(Files.isSymbolicLink(installed));
    assertEquals(root.resolve("attento").toRealPath(), installed.toRealPath());
    assertTrue(r.out.contains("source <(attento completion)"), r.out);
  }

  @Test
  void dataGenerateWithDashWritesStandardOutputAndNoFileNamedDash() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("cwd"));
    Run r = run(cwd, root.resolve("attento").toString(), "data", "generate", "copy", "--count", "3", "-o", "-");
    assertEquals(0, r.code, r.err);
    assertEquals(3, r.out.lines().count(), r.out);
    assertTrue(r.out.lines().allMatch(l -> l.split("\t").length == 2), r.out);
    assertEquals("wrote 3 pairs of copy to standard output\n", r.err);
    assertFalse(Files.exists(cwd.resolve("-")));
  }

  @Test
  void completionHasHelp() {
    Cli.Result r = Cli.run("completion", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("source <(attento completion)"), r.out());
  }

  @Test
  void withoutAttentoHeapTheHeapMayGrowToHalfTheMemoryFromTheUsualStart() throws Exception {
    Map<String, String> flags = heapFlags(Map.of());
    assertEquals("50.000000", flags.get("MaxRAMPercentage"), "a real corpus must not need a flag");
    assertEquals(String.valueOf(256L << 20), flags.get("InitialHeapSize"), "small jobs start as they did");
    assertEquals("true", flags.get("UseSerialGC"));
    assertTrue(Long.parseLong(flags.get("MaxHeapSize")) >= 256L << 20, flags.toString());
    assertEquals(String.valueOf(96L << 20), flags.get("MaxNewSize"), "a training step's reused arrays belong in the old generation");
    assertEquals("20", flags.get("MaxHeapFreeRatio"), "the heap grows by little at a time");
  }

  @Test
  void attentoHeapSetsTheMaximumAndNothingElse() throws Exception {
    Map<String, String> flags = heapFlags(Map.of("ATTENTO_HEAP", "96m"));
    assertEquals(String.valueOf(96L << 20), flags.get("MaxHeapSize"));
    assertTrue(Long.parseLong(flags.get("InitialHeapSize")) <= 96L << 20, "no -Xms above a small -Xmx");
    assertEquals("true", flags.get("UseSerialGC"));
  }

  /** The heap flags of the JVM the launcher starts, as -XX:+PrintFlagsFinal reports them. */
  private static Map<String, String> heapFlags(Map<String, String> env) throws Exception {
    Map<String, String> withFlags = new HashMap<>(env);
    withFlags.put("ATTENTO_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    Run r = run(dir, withFlags, root.resolve("attento").toString(), "completion");
    assertEquals(0, r.code, r.err);
    Map<String, String> flags = new HashMap<>();
    for (String line : r.out.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[2].equals("=")) {
        flags.put(f[1], f[3]);
      }
    }
    return flags;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Path cwd, String... command) throws Exception {
    return run(cwd, Map.of(), command);
  }

  private static Run run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(cwd.toFile());
    // The JVM running the tests, first on PATH: the launcher runs `java`.
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().remove("ATTENTO_JAVA_OPTS");
    pb.environment().remove("ATTENTO_HEAP");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    // A bound only so that a hung launcher fails the test instead of the build.
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
    return new Run(p.exitValue(), out, err.get(120, TimeUnit.SECONDS));
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

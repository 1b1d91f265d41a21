package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.attento.cells.spi.CellProvider;
import dev.attento.core.tensor.Tensor;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every phase of {@code train} stops on SIGINT/SIGTERM: reading a corpus that never ends,
 * building a model whose plugin cell never finishes, and a plugin calling {@code System.exit}
 * mid-training does not deadlock the shutdown hook. Each
 * test runs the CLI in a child JVM and fails (after a minute) if it does not exit.
 */
class SignalsTest {

  @TempDir
  Path dir;

  @Test
  void ctrlCWhileReadingACorpusThatNeverEndsStopsAndCreatesNoRun() throws Exception {
    assumeFalse(ChildCli.interruptIgnored(), "this JVM ignores SIGINT (started in the background by a script), "
        + "and so would the CLI's child JVM: run the build in the foreground to test Ctrl-C");
    Path fifo = dir.resolve("train.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path dev = Files.writeString(dir.resolve("dev.tsv"), "a b\tc d\n");
    Path log = dir.resolve("log.txt");
    Process p = ChildCli.start(log, "train", "--train", fifo.toString(), "--dev", dev.toString(), "--runs",
        dir.resolve("runs").toString(), "--name", "r");
    // The writer stays open, so the corpus never ends; opening it waits for the child to read.
    CompletableFuture<OutputStream> writer = CompletableFuture.supplyAsync(() -> {
      try {
        OutputStream out = Files.newOutputStream(fifo);
        out.write("a b\tc d\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return out;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertTrue(ChildCli.awaitOpen(p, fifo), "the child reads the corpus: " + Files.readString(log));
    ChildCli.signal(p, "INT");
    assertTrue(ChildCli.exits(p), "Ctrl-C while reading stops the run: " + Files.readString(log));
    String out = Files.readString(log);
    assertEquals(130, p.exitValue(), out);
    assertFalse(out.contains("Shutdown in progress") || out.contains("completed"), out);
    assertFalse(Files.exists(dir.resolve("runs/r")), "no run directory before the data is read");
    writer.thenAccept(w -> {
      try {
        w.close();
      } catch (java.io.IOException readerGone) {
        // expected: the child has exited
      }
    });
  }

  @Test
  void aPluginCallingSystemExitDuringTrainingDoesNotDeadlock() throws Exception {
    Path plugins = exitingPlugin();
    Path log = dir.resolve("log.txt");
    String[] args = CliTest.with(CliTest.TINY, "train", "--cell", "exits", "--plugins", plugins.toString(), "--runs",
        dir.resolve("runs").toString(), "--name", "x");
    Process p = ChildCli.start(log, args);
    assertTrue(ChildCli.exits(p), "System.exit in a plugin ends the run: " + Files.readString(log));
    assertEquals(7, p.exitValue(), Files.readString(log));
  }

  @Test
  void sigtermWhileAPluginHangsBuildingTheModelStopsAndCreatesNoRun() throws Exception {
    Path building = dir.resolve("building");
    Path plugins = pluginJar("HangingProvider", """
        package org.example.mgu;

        import dev.attento.cells.spi.*;
        import java.util.List;

        public final class HangingProvider implements CellProvider {
          public String name() { return "hangs"; }
          public String description() { return "never finishes building"; }
          public List<CellOption> options() { return new MguProvider().options(); }
          public RecurrentCell create(CellSpec spec) {
            try {
              java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "building");
              Thread.sleep(Long.MAX_VALUE);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return new MguCell(spec);
          }
        }
        """.formatted(building));
    Path log = dir.resolve("log.txt");
    Process p = ChildCli.start(log, CliTest.with(CliTest.TINY, "train", "--cell", "hangs", "--plugins",
        plugins.toString(), "--runs", dir.resolve("runs").toString(), "--name", "h"));
    for (int i = 0; i < 600 && p.isAlive() && !Files.exists(building); i++) {
      Thread.sleep(100); // polling for the plugin to start, not timing anything
    }
    assertTrue(Files.exists(building), "the plugin is building the model: " + Files.readString(log));
    ChildCli.signal(p, "TERM");
    assertTrue(ChildCli.exits(p), "SIGTERM while the model is built stops the run: " + Files.readString(log));
    assertEquals(143, p.exitValue(), Files.readString(log));
    assertFalse(Files.exists(dir.resolve("runs/h")), "no run directory before the model is built");
  }

  /** A plugin cell ({@code exits}): the example MGU cell, except that its 50th step calls {@code System.exit(7)}. */
  private Path exitingPlugin() throws Exception {
    return pluginJar("ExitingProvider", """
        package org.example.mgu;

        import dev.attento.cells.spi.*;
        import dev.attento.core.ops.Forward;
        import dev.attento.core.tensor.Tensor;
        import java.util.List;
        import java.util.Map;

        public final class ExitingProvider implements CellProvider {
          public String name() { return "exits"; }
          public String description() { return "exits the JVM on its 50th step"; }
          public List<CellOption> options() { return new MguProvider().options(); }
          public RecurrentCell create(CellSpec spec) {
            MguCell cell = new MguCell(spec);
            return new RecurrentCell() {
              int steps;
              public int inputSize() { return cell.inputSize(); }
              public int hiddenSize() { return cell.hiddenSize(); }
              public Map<String, Tensor> parameters() { return cell.parameters(); }
              public CellState initialState(int batch) { return cell.initialState(batch); }
              public CellState step(Forward fwd, Tensor x, CellState state) {
                if (++steps == 50) {
                  System.exit(7);
                }
                return cell.step(fwd, x, state);
              }
            };
          }
        }
        """);
  }

  /** A plugin jar in {@code dir/plugins} of the example MGU cell and {@code source}, the provider it lists. */
  private Path pluginJar(String provider, String source) throws Exception {
    Path sources = Path.of("..", "examples", "mgu-cell", "src", "main", "java");
    Path extra = Files.createDirectories(dir.resolve("src/org/example/mgu")).resolve(provider + ".java");
    Files.writeString(extra, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(), extra.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])));
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve(provider + ".jar")));
         Stream<Path> files = Files.walk(classes)) {
      jar.putNextEntry(new JarEntry("META-INF/services/" + CellProvider.class.getName()));
      jar.write(("org.example.mgu." + provider + "\n").getBytes(StandardCharsets.UTF_8));
      for (Path c : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(c));
      }
    }
    return plugins;
  }

  private static String classPath() throws Exception {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : List.of(CellProvider.class, Tensor.class, UniformRandomProvider.class)) {
      parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(java.io.File.pathSeparator, parts);
  }
}

package dev.attento.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attento.cells.spi.CellProvider;
import dev.attento.core.tensor.Tensor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The example plugin of examples/mgu-cell (cell {@code mgu}), compiled from its sources and
 * packed as a plugin jar by the JDK's own compiler and jar tool. It is not on this module's
 * class path, so its cell can only come from the jar.
 */
public final class MguPluginJar {

  private static final Path EXAMPLE = Path.of("..", "examples", "mgu-cell", "src", "main");

  private MguPluginJar() {}

  /** Builds the jar as {@code jar}, using {@code work} for the classes. */
  public static Path build(Path work, Path jar) throws IOException, URISyntaxException {
    Path classes = Files.createDirectories(work.resolve("mgu-classes"));
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", attentoClassPath()));
    try (Stream<Path> sources = Files.walk(EXAMPLE.resolve("java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])));
    Path services = classes.resolve(dev.attento.cells.PluginJar.SERVICES);
    Files.createDirectories(services.getParent());
    Files.copy(EXAMPLE.resolve("resources").resolve(dev.attento.cells.PluginJar.SERVICES), services);
    Files.createDirectories(jar.getParent());
    int status = java.util.spi.ToolProvider.findFirst("jar").orElseThrow()
        .run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
    assertEquals(0, status, "jar --create");
    return jar;
  }

  /** Where the SPI, the tensors and Commons RNG (what the example compiles against) come from. */
  private static String attentoClassPath() throws URISyntaxException {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : List.of(CellProvider.class, Tensor.class, UniformRandomProvider.class)) {
      parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, parts);
  }
}

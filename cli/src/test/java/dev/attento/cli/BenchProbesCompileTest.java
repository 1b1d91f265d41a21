package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-file programs of {@code bench/probes}, which the docs quote for measured numbers
 * (run as {@code java -cp cli/target/attento.jar bench/probes/X.java …}), compile against the
 * current API: a renamed class or method fails the build instead of leaving a documented
 * measurement unrepeatable.
 */
class BenchProbesCompileTest {

  @TempDir
  Path out;

  @Test
  void everyProbeCompilesAgainstTheCurrentApi() throws IOException, URISyntaxException {
    List<String> probes;
    try (Stream<Path> files = Files.list(DocumentedCommands.ROOT.resolve("bench/probes"))) {
      probes = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    assertTrue(probes.size() >= 6, "probes found: " + probes);
    List<String> args = new ArrayList<>(List.of("-proc:none", "--add-modules", "jdk.incubator.vector",
        "-classpath", classPath(), "-d", out.toString()));
    args.addAll(probes);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(new String[0]));
    assertEquals(0, rc, "bench/probes do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  /** The modules' classes and the libraries their public signatures name, wherever Maven put them. */
  private static String classPath() throws URISyntaxException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(dev.attento.core.kernels.Kernels.class, dev.attento.cells.CellRegistry.class,
        dev.attento.attention.AttentionMechanisms.class, dev.attento.seq2seq.bundle.ModelBundle.class,
        dev.attento.serve.model.BundleEngine.class, org.apache.commons.rng.UniformRandomProvider.class,
        com.google.inject.Module.class)) {
      entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}

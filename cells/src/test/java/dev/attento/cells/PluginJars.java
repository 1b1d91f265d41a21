package dev.attento.cells;

import dev.attento.cells.spi.CellProvider;
import dev.attento.core.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds small plugin jars at test time: compiles the given sources and writes a services file. */
final class PluginJars {

  private PluginJars() {}

  /** A provider class whose {@code name()} and constructor body are given. */
  static String provider(String pkg, String cls, String name, String constructorBody) {
    return """
        package %s;
        import dev.attento.cells.spi.*;
        import java.util.List;
        public final class %s implements CellProvider {
          public %s() { %s }
          public String name() { return "%s"; }
          public String description() { return "test plugin"; }
          public List<CellOption> options() { return List.of(); }
          public RecurrentCell create(CellSpec spec) { throw new UnsupportedOperationException(); }
        }
        """.formatted(pkg, cls, cls, constructorBody, name);
  }

  /**
   * Writes {@code jar} with the compiled {@code sources} (fully qualified class name → source)
   * and a services file listing {@code services}.
   */
  static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
    return build(jar, sources, services, Map.of());
  }

  /** {@link #build(Path, Map, List)} with a manifest holding {@code manifest}'s main attributes. */
  static Path build(Path jar, Map<String, String> sources, List<String> services, Map<String, String> manifest)
      throws IOException {
    Path work = Files.createTempDirectory(jar.getParent(), "src");
    List<String> files = new ArrayList<>();
    for (var e : sources.entrySet()) {
      Path f = work.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f.toString());
    }
    if (!files.isEmpty()) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      List<String> args = new ArrayList<>(List.of("-d", work.toString(), "-classpath", classPath()));
      args.addAll(files);
      int rc = javac.run(null, null, null, args.toArray(new String[0]));
      if (rc != 0) {
        throw new IllegalStateException("test plugin did not compile");
      }
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = manifest.isEmpty()
        ? new JarOutputStream(out) : new JarOutputStream(out, manifest(manifest))) {
      j.putNextEntry(new JarEntry("META-INF/services/" + CellProvider.class.getName()));
      j.write(String.join("\n", services).getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
      try (Stream<Path> classes = Files.walk(work)) {
        for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
          j.putNextEntry(new JarEntry(work.relativize(c).toString().replace('\\', '/')));
          j.write(Files.readAllBytes(c));
          j.closeEntry();
        }
      }
    }
    return jar;
  }

  /** Rewrites {@code jar} with the class file of {@code className} claiming class-file version {@code major}. */
  static void patchClassVersion(Path jar, String className, int major) throws IOException {
    String entry = className.replace('.', '/') + ".class";
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      for (JarEntry e : java.util.Collections.list(j.entries())) {
        try (var in = j.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    byte[] cls = entries.get(entry);
    cls[6] = (byte) (major >> 8);
    cls[7] = (byte) major;
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      for (var e : entries.entrySet()) {
        j.putNextEntry(new JarEntry(e.getKey()));
        j.write(e.getValue());
        j.closeEntry();
      }
    }
  }

  private static String classPath() {
    return classPath(List.of(CellProvider.class, Tensor.class, UniformRandomProvider.class));
  }

  /** The class path entries (jars or directories) that hold {@code classes}. */
  static String classPath(List<Class<?>> classes) {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : classes) {
      try {
        parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  private static java.util.jar.Manifest manifest(Map<String, String> attributes) {
    java.util.jar.Manifest m = new java.util.jar.Manifest();
    m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
    return m;
  }
}

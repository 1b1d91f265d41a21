package dev.attento.cells;

import dev.attento.cells.spi.CellProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One plugin jar, opened and checked before any of its classes is loaded: that it is a
 * readable regular file and a valid jar built for a compatible cell SPI version
 * ({@link CellProvider#SPI_VERSION}), which providers its services file lists, and that each
 * provider's class file is one this Java can load. It is also the class loader of the
 * jar's classes, so a cell object can say which jar it came from ({@link #of(Object)}), which
 * is what a run pins.
 */
public final class PluginJar extends URLClassLoader {

  /** The services file that lists a jar's providers. */
  public static final String SERVICES = "META-INF/services/" + CellProvider.class.getName();
  /** Class-file major version minus this is the Java feature release (52 → Java 8, 69 → Java 25). */
  private static final int JAVA_OFFSET = 44;

  private final Path jar;
  private final String sha256;
  private final String version;
  private final List<String> providerClasses;
  private final Map<String, CellProvider> providerByCell = new LinkedHashMap<>();

  private PluginJar(Path jar, String sha256, String version, List<String> providerClasses, ClassLoader parent) {
    super("attento-plugin:" + jar.getFileName(), new URL[] {url(jar)}, parent);
    this.jar = jar;
    this.sha256 = sha256;
    this.version = version;
    this.providerClasses = providerClasses;
  }

  /**
   * Opens {@code file} as a plugin jar.
   *
   * @param problems where a problem with one provider is added (one line, jar and class named)
   * @throws CellRegistryException if the file cannot be used at all (the message names it)
   */
  static PluginJar open(Path file, ClassLoader parent, List<String> problems) {
    Path jar = file.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(jar) && !Files.exists(jar)) {
      throw new CellRegistryException(jar + ": broken symbolic link to " + linkTarget(jar));
    }
    if (!Files.isRegularFile(jar)) {
      throw new CellRegistryException(jar + ": not a regular file" + (Files.isDirectory(jar) ? " (a directory)" : ""));
    }
    if (!Files.isReadable(jar)) {
      throw new CellRegistryException(jar + ": not readable (permission denied)");
    }
    List<String> providers = new ArrayList<>();
    String version;
    String spi;
    try (JarFile j = new JarFile(jar.toFile())) {
      Manifest manifest = j.getManifest();
      version = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      spi = manifest == null ? null : manifest.getMainAttributes().getValue(CellProvider.SPI_VERSION_ATTRIBUTE);
      JarEntry services = j.getJarEntry(SERVICES);
      if (services != null) {
        try (InputStream in = j.getInputStream(services)) {
          for (String name : providerNames(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            String tooNew = tooNew(j, name);
            if (tooNew != null) {
              problems.add(jar + ": provider " + name + " " + tooNew);
            } else {
              providers.add(name);
            }
          }
        }
      }
    } catch (IOException | SecurityException e) {
      throw new CellRegistryException(jar + ": not a valid jar (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    String incompatible = SpiCompatibility.problem(spi, CellProvider.SPI_VERSION);
    if (incompatible != null) {
      throw new CellRegistryException(jar + ": " + incompatible);
    }
    return new PluginJar(jar, sha256(jar), version, List.copyOf(providers), parent);
  }

  /** The provider class names of a services file: one a line, '#' starts a comment. */
  private static List<String> providerNames(String services) {
    List<String> names = new ArrayList<>();
    for (String line : services.split("\n")) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Why the class file of {@code className} cannot load on this Java, or null if it can (or is absent). */
  private static String tooNew(JarFile j, String className) throws IOException {
    JarEntry e = j.getJarEntry(className.replace('.', '/') + ".class");
    if (e == null) {
      return null;
    }
    byte[] head;
    try (InputStream in = j.getInputStream(e)) {
      head = in.readNBytes(8);
    }
    if (head.length < 8) {
      return null;
    }
    int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
    int here = Runtime.version().feature();
    if (major <= here + JAVA_OFFSET) {
      return null;
    }
    return "needs Java " + (major - JAVA_OFFSET) + " (class file version " + major + "); this is Java " + here;
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "(unreadable link)";
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new CellRegistryException(jar + ": has no valid URL (" + e.getMessage() + ")");
    }
  }

  /** Hex digits of a hash shown in messages: enough to tell two jars apart. */
  private static final int SHOWN = 12;

  /** {@code sha256} as messages show it: its first hex digits and {@code …}. */
  public static String shortHash(String sha256) {
    return sha256.substring(0, Math.min(SHOWN, sha256.length())) + "…";
  }

  /** The SHA-256 of {@code file}'s bytes, in lower-case hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new CellRegistryException(file + ": not readable (" + e.getMessage() + ")");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The jar that loaded {@code object}'s class, or null for a class not from a plugin jar. */
  public static PluginJar of(Object object) {
    return object.getClass().getClassLoader() instanceof PluginJar p ? p : null;
  }

  /** The jar's absolute path. */
  public Path jar() {
    return jar;
  }

  /** The SHA-256 of the jar's bytes when it was opened. */
  public String sha256() {
    return sha256;
  }

  /** The manifest's {@code Implementation-Version}, or null. */
  public String version() {
    return version;
  }

  /** The provider classes its services file lists that this Java can load, in file order. */
  List<String> providerClasses() {
    return providerClasses;
  }

  /** Records that {@code provider}, one of this jar's, serves the cell {@code cell}. */
  void served(String cell, CellProvider provider) {
    providerByCell.put(cell, provider);
  }

  /** The provider from this jar that registered the cell {@code cell}, or null. */
  public CellProvider providerOf(String cell) {
    return providerByCell.get(cell);
  }
}

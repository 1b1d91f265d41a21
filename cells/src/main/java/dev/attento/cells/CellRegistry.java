package dev.attento.cells;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * All recurrent cells available to this process: the providers that {@link ServiceLoader}
 * finds on the class path (the built-ins are registered exactly like plugins) and in each jar
 * of a plugin directory. Each plugin jar gets its own class loader (parent: the one that
 * loaded Attento), so a problem can be pinned to its jar.
 *
 * <p>Loading is forgiving and loud: a provider that cannot be loaded, cannot be constructed,
 * has an invalid name or clashes with another's name is left out and reported in
 * {@link #problems()} naming its jar and class; every other cell still loads.
 */
public final class CellRegistry {

  private static final Pattern PROVIDER_IN_ERROR = Pattern.compile("Provider (\\S+)");
  private static final String CLASS_PATH = "class path";

  /**
   * A usable cell kind.
   *
   * @param provider the provider
   * @param source the jar it came from, or {@code "class path"} / {@code "built-in"}
   */
  public record Entry(CellProvider provider, String source) {
    /** The cell's name. */
    public String name() {
      return provider.name();
    }
  }

  private final Map<String, Entry> byName = new TreeMap<>();
  private final Map<String, String> duplicates = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private CellRegistry() {}

  /** The cells on the class path of this library. */
  public static CellRegistry fromClassPath() {
    return load(null);
  }

  /**
   * The cells on the class path plus those in every {@code *.jar} of {@code pluginDir}
   * ({@code null} for none).
   *
   * @throws CellRegistryException if {@code pluginDir} is given but is not a readable directory
   */
  public static CellRegistry load(Path pluginDir) {
    CellRegistry r = new CellRegistry();
    ClassLoader base = CellRegistry.class.getClassLoader();
    r.scan(ServiceLoader.load(CellProvider.class, base), null, CLASS_PATH);
    if (pluginDir != null) {
      for (Path jar : jars(pluginDir)) {
        URLClassLoader loader = new URLClassLoader("attento-plugin:" + jar.getFileName(), new URL[] {url(jar)}, base);
        r.scan(ServiceLoader.load(CellProvider.class, loader), loader, jar.toString());
      }
    }
    return r;
  }

  private static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CellRegistryException("plugin directory " + dir + " does not exist or is not a directory");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new CellRegistryException("cannot list plugin directory " + dir + ": " + e.getMessage());
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new CellRegistryException("plugin jar " + jar + " has no valid URL: " + e.getMessage());
    }
  }

  /**
   * Iterates one service loader, attributing errors to {@code origin}. With a plugin
   * loader, providers that its parent also sees are skipped (they were found already).
   */
  private void scan(ServiceLoader<CellProvider> loader, ClassLoader own, String origin) {
    Iterator<ServiceLoader.Provider<CellProvider>> it = loader.stream().iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      ServiceLoader.Provider<CellProvider> p;
      try {
        if (!it.hasNext()) {
          return;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        problems.add(origin + ": provider " + providerName(e) + " could not be loaded: " + rootMessage(e));
        continue;
      }
      if (own != null && p.type().getClassLoader() != own) {
        continue;
      }
      String source = own == null ? sourceOf(p.type()) : origin;
      CellProvider provider;
      try {
        provider = p.get();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        problems.add(source + ": provider " + p.type().getName() + " failed to construct: " + rootMessage(e));
        continue;
      }
      add(provider, source);
    }
  }

  private void add(CellProvider provider, String source) {
    String cls = provider.getClass().getName();
    String name;
    try {
      name = provider.name();
    } catch (RuntimeException e) {
      problems.add(source + ": provider " + cls + " failed in name(): " + rootMessage(e));
      return;
    }
    if (name == null || !CellProvider.NAME.matcher(name).matches()) {
      problems.add(source + ": provider " + cls + " has invalid name '" + name + "' (must match "
          + CellProvider.NAME.pattern() + ")");
      return;
    }
    Entry existing = byName.get(name);
    if (existing != null || duplicates.containsKey(name)) {
      String first = existing != null
          ? existing.provider().getClass().getName() + " in " + existing.source()
          : duplicates.get(name);
      String message = "cell name '" + name + "' is provided twice: by " + first + " and by " + cls + " in " + source;
      problems.add(message);
      byName.remove(name);
      duplicates.put(name, message);
      return;
    }
    byName.put(name, new Entry(provider, source));
  }

  /** Where a class path provider's class lives: "built-in" for this module's own cells. */
  private static String sourceOf(Class<?> type) {
    if (type.getName().startsWith("dev.attento.cells.builtin.")) {
      return "built-in";
    }
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    return cs == null || cs.getLocation() == null ? CLASS_PATH : cs.getLocation().getPath();
  }

  private static String providerName(ServiceConfigurationError e) {
    Matcher m = PROVIDER_IN_ERROR.matcher(String.valueOf(e.getMessage()));
    return m.find() ? m.group(1) : "(unknown class)";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  /** The usable cells, by name. */
  public List<Entry> entries() {
    return List.copyOf(byName.values());
  }

  /** What went wrong while loading, one line each (jar and class named). */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** The provider of {@code name}. */
  public CellProvider provider(String name) {
    return entry(name).provider();
  }

  /** The entry of {@code name}, or an error listing the available cells. */
  public Entry entry(String name) {
    Entry e = byName.get(name);
    if (e != null) {
      return e;
    }
    if (duplicates.containsKey(name)) {
      throw new CellRegistryException(duplicates.get(name));
    }
    throw new CellRegistryException("unknown cell '" + name + "'; available: " + String.join(", ", byName.keySet()));
  }

  /**
   * Builds a cell.
   *
   * @param options option values; unknown keys are rejected, missing ones take their defaults
   */
  public RecurrentCell create(String name, int inputSize, int hiddenSize, Map<String, String> options,
                              UniformRandomProvider random) {
    CellProvider provider = provider(name);
    return provider.create(new CellSpec(inputSize, hiddenSize, completeOptions(provider, options), random));
  }

  /** {@code options} checked against the provider's and completed with defaults. */
  public static Map<String, String> completeOptions(CellProvider provider, Map<String, String> options) {
    Map<String, String> complete = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    for (CellOption o : provider.options()) {
      complete.put(o.name(), o.defaultValue());
      known.add(o.name());
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!complete.containsKey(e.getKey())) {
        throw new CellRegistryException("cell '" + provider.name() + "' has no option '" + e.getKey()
            + "'; known options: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
      complete.put(e.getKey(), e.getValue());
    }
    return complete;
  }
}

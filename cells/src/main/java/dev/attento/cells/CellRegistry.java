package dev.attento.cells;

import dev.attento.cells.spi.CellOption;
import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.CellSpec;
import dev.attento.cells.spi.RecurrentCell;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
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
 * <p>Loading is forgiving and loud: a jar that is not usable (not a regular readable file,
 * not a valid jar, no providers) and a provider that cannot be loaded (compiled for a newer
 * Java, missing), cannot be constructed, has an invalid name, claims a built-in's name or
 * clashes with another plugin's is left out and reported in {@link #problems()} in one line
 * naming its jar and class (see {@link PluginJar}); every other cell still loads.
 */
public final class CellRegistry {

  private static final Pattern PROVIDER_IN_ERROR = Pattern.compile("Provider (\\S+)");
  private static final String CLASS_PATH = "class path";
  private static final String BUILT_IN = "built-in";

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
   * The cells on the class path plus those in every {@code *.jar} of {@code plugins}, which
   * may also be a single jar ({@code null} for none). A jar that cannot be used is reported in
   * {@link #problems()} and left out; it never stops the other cells from loading.
   *
   * @throws CellRegistryException if {@code plugins} is given but is neither a directory nor a file
   */
  public static CellRegistry load(Path plugins) {
    CellRegistry r = new CellRegistry();
    ClassLoader base = CellRegistry.class.getClassLoader();
    r.scan(ServiceLoader.load(CellProvider.class, base));
    if (plugins != null) {
      for (Path jar : jars(plugins)) {
        try {
          r.loadJar(PluginJar.open(jar, base, r.problems));
        } catch (CellRegistryException e) {
          r.problems.add(e.getMessage());
        }
      }
    }
    return r;
  }

  private static List<Path> jars(Path plugins) {
    if (Files.isRegularFile(plugins) || Files.isSymbolicLink(plugins) && !Files.exists(plugins)) {
      return List.of(plugins);
    }
    if (!Files.isDirectory(plugins)) {
      throw new CellRegistryException("plugin directory " + plugins + " does not exist or is not a directory");
    }
    try (Stream<Path> files = Files.list(plugins)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new CellRegistryException("cannot list plugin directory " + plugins + ": " + e.getMessage());
    }
  }

  /** Loads and constructs each provider a plugin jar lists, reporting each failure with jar and class. */
  private void loadJar(PluginJar jar) {
    if (jar.providerClasses().isEmpty() && problems.stream().noneMatch(p -> p.startsWith(jar.jar() + ": "))) {
      problems.add(jar.jar() + ": warning: no cell providers (the jar has no " + PluginJar.SERVICES
          + " listing one); ignored");
    }
    for (String cls : jar.providerClasses()) {
      String where = jar.jar() + ": provider " + cls;
      Class<?> type;
      try {
        type = Class.forName(cls, false, jar);
      } catch (ClassNotFoundException e) {
        problems.add(where + " could not be loaded: class not found in the jar");
        continue;
      } catch (LinkageError e) {
        problems.add(where + " could not be loaded: " + rootMessage(e));
        continue;
      }
      if (!CellProvider.class.isAssignableFrom(type)) {
        problems.add(where + " could not be loaded: it does not implement " + CellProvider.class.getName());
        continue;
      }
      CellProvider provider;
      try {
        provider = (CellProvider) type.getConstructor().newInstance();
      } catch (NoSuchMethodException e) {
        problems.add(where + " failed to construct: it has no public no-argument constructor");
        continue;
      } catch (InvocationTargetException e) {
        problems.add(where + " failed to construct: " + rootMessage(e.getCause()));
        continue;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        problems.add(where + " failed to construct: " + rootMessage(e));
        continue;
      }
      if (add(provider, jar.jar().toString())) {
        jar.served(provider.name(), provider);
      }
    }
  }

  /**
   * Iterates the class path's service loader. A class that cannot be loaded (missing, or
   * compiled for a newer Java) is reported and skipped; the iterator moves on past it.
   */
  private void scan(ServiceLoader<CellProvider> loader) {
    Iterator<ServiceLoader.Provider<CellProvider>> it = loader.stream().iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      ServiceLoader.Provider<CellProvider> p;
      try {
        if (!it.hasNext()) {
          return;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        problems.add(CLASS_PATH + ": provider " + providerName(e) + " could not be loaded: " + rootMessage(e));
        continue;
      } catch (LinkageError e) {
        problems.add(CLASS_PATH + ": a provider could not be loaded: " + rootMessage(e));
        continue;
      }
      String source = sourceOf(p.type());
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

  /** Registers {@code provider}, or reports why not; true if it was registered. */
  private boolean add(CellProvider provider, String source) {
    String cls = provider.getClass().getName();
    String name;
    try {
      name = provider.name();
    } catch (RuntimeException | LinkageError e) {
      problems.add(source + ": provider " + cls + " failed in name(): " + rootMessage(e));
      return false;
    }
    if (name == null || !CellProvider.NAME.matcher(name).matches()) {
      problems.add(source + ": provider " + cls + " has invalid name '" + name + "' (must match "
          + CellProvider.NAME.pattern() + ")");
      return false;
    }
    Entry existing = byName.get(name);
    if (existing != null && existing.source().equals(BUILT_IN)) {
      problems.add(source + ": provider " + cls + " claims the built-in cell name '" + name
          + "'; refused (the built-in stays)");
      return false;
    }
    if (existing != null || duplicates.containsKey(name)) {
      String first = existing != null
          ? existing.provider().getClass().getName() + " in " + existing.source()
          : duplicates.get(name);
      String message = "cell name '" + name + "' is provided twice: by " + first + " and by " + cls + " in " + source;
      problems.add(message);
      byName.remove(name);
      duplicates.put(name, message);
      return false;
    }
    byName.put(name, new Entry(provider, source));
    return true;
  }

  /** Where a class path provider's class lives: "built-in" for this module's own cells. */
  private static String sourceOf(Class<?> type) {
    if (type.getName().startsWith("dev.attento.cells.builtin.")) {
      return BUILT_IN;
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

  /**
   * What went wrong while loading, one line each, jar and class named: providers that could
   * not be loaded or constructed, jars that are not usable, and warnings (a jar without
   * providers). A command prints them once, to standard error.
   */
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
    throw new CellRegistryException("unknown cell '" + name + "'; available: " + String.join(", ", byName.keySet())
        + " (a plugin cell needs its jar: --plugins DIR, DIR holding the jar)");
  }

  /**
   * Builds a cell.
   *
   * @param options option values; unknown keys are rejected, missing ones take their defaults
   */
  public RecurrentCell create(String name, int inputSize, int hiddenSize, Map<String, String> options,
                              UniformRandomProvider random) {
    return create(name, inputSize, hiddenSize, options, random, true);
  }

  /**
   * Builds a cell, with its weights drawn only if {@code initialise} (see {@link CellSpec#initialise}).
   *
   * @param options option values; unknown keys are rejected, missing ones take their defaults
   */
  public RecurrentCell create(String name, int inputSize, int hiddenSize, Map<String, String> options,
                              UniformRandomProvider random, boolean initialise) {
    CellProvider provider = provider(name);
    return provider.create(new CellSpec(inputSize, hiddenSize, completeOptions(provider, options), random,
        initialise));
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

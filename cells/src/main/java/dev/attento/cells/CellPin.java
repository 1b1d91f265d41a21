package dev.attento.cells;

import dev.attento.cells.spi.CellProvider;
import dev.attento.cells.spi.RecurrentCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a trained model records about a plugin cell so that it is loaded with the very code it
 * was trained with: the jar (absolute path) and its SHA-256, the provider class, the plugin's
 * declared version and the cell's options with every default filled in. A built-in cell has
 * no pin.
 *
 * @param jar the plugin jar's absolute path when the model was made
 * @param sha256 the jar's SHA-256 (lower-case hex)
 * @param provider the provider's class name
 * @param version the jar manifest's {@code Implementation-Version}, or null
 * @param options the cell's options, defaults filled in
 */
public record CellPin(String jar, String sha256, String provider, String version, Map<String, String> options) {

  /** Compact constructor: options kept in order, unmodifiable. */
  public CellPin {
    options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  /**
   * The pin of {@code cell}, the cell named {@code name} built with {@code options}; null if
   * the cell did not come from a plugin jar.
   */
  public static CellPin of(RecurrentCell cell, String name, Map<String, String> options) {
    PluginJar jar = PluginJar.of(cell);
    CellProvider provider = jar == null ? null : jar.providerOf(name);
    if (provider == null) {
      return null;
    }
    return new CellPin(jar.jar().toString(), jar.sha256(), provider.getClass().getName(), jar.version(),
        CellRegistry.completeOptions(provider, options));
  }

  /**
   * The recorded jar, checked to exist and, unless {@code policy} loads changed jars anyway, to
   * have the recorded hash: what to load when no plugin directory is given.
   *
   * @param cell the cell's name, for the message
   * @throws CellRegistryException if the jar is missing or differs (one line, with what to do)
   */
  public Path recordedJar(String cell, PinPolicy policy) {
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      throw new CellRegistryException("the model's cell '" + cell + "' comes from the plugin jar " + jar
          + ", which is missing; give the directory that holds it with --plugins DIR");
    }
    // Refused before any of the changed jar's code runs; a jar loaded anyway is reported by verify.
    String now = PluginJar.sha256(path);
    if (!now.equals(sha256) && policy.refuses()) {
      policy.mismatch(differs(jar, now, null));
    }
    return path;
  }

  /**
   * Checks that {@code loaded}, the cell built for the model, came from a jar with the recorded
   * hash, and applies {@code policy} if not.
   *
   * @throws CellRegistryException naming the jar and what differs, if the policy refuses
   */
  public void verify(RecurrentCell loaded, String cell, PinPolicy policy) {
    PluginJar actual = PluginJar.of(loaded);
    if (actual == null) {
      policy.mismatch("the model's cell '" + cell + "' was trained with the plugin jar " + jar
          + " but is now a cell of Attento's class path");
    } else if (!actual.sha256().equals(sha256)) {
      policy.mismatch(differs(actual.jar().toString(), actual.sha256(), actual.version()));
    }
  }

  /** What differs between the recorded jar and {@code path}: the version if known to differ, and the hash. */
  private String differs(String path, String now, String nowVersion) {
    String versions = nowVersion == null || Objects.equals(nowVersion, version) ? ""
        : "version " + nowVersion + ", recorded " + (version == null ? "none" : version) + "; ";
    return "plugin jar " + path + " differs from the one the model was trained with (" + versions + "SHA-256 "
        + PluginJar.shortHash(now) + ", recorded " + PluginJar.shortHash(sha256) + ")";
  }
}

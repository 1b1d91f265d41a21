package dev.attento.spark.plugins;

import dev.attento.cells.CellPin;
import dev.attento.cells.CellRegistry;
import dev.attento.cells.PluginJar;
import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.bundle.ModelFileException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;

/**
 * The cell plugin jars a job ships to its executors ({@code --plugins DIR} of the jobs, as of
 * {@code attento train} and {@code translate}), and how an executor picks the one a model
 * needs.
 *
 * <p>The driver ships each jar that provides a cell with {@link SparkContext#addFile}, as a
 * file, not on the executors' class path: an executor loads the jar in a class loader of its
 * own, exactly as the CLI's {@code --plugins} does, so the model's pin (the jar's SHA-256,
 * recorded in the run) is checked on the executor as {@code attento translate} checks it. A
 * jar on the class path ({@code spark-submit --jars}) would make the cell a class path cell,
 * which a pinned model refuses.
 *
 * @param jars each shipped jar's file name and SHA-256, in the order they were shipped
 */
public record PluginShipment(List<ShippedJar> jars) implements Serializable {

  /** No plugins: an executor loads a pinned cell from the jar the model records, if it exists there. */
  public static final PluginShipment NONE = new PluginShipment(List.of());

  /**
   * One shipped jar.
   *
   * @param name its file name, under which {@link SparkFiles#get} finds it on an executor
   * @param sha256 its SHA-256 on the driver (lower-case hex)
   */
  public record ShippedJar(String name, String sha256) implements Serializable {}

  /** Compact constructor: an unmodifiable copy. */
  public PluginShipment {
    jars = List.copyOf(jars);
  }

  /**
   * Ships to {@code spark}'s executors every jar of {@code plugins} (a directory of jars or one
   * jar; {@code null} for none) that provides a cell, and reports the jars' problems (as the
   * CLI does: unusable jars are left out, the others still load) to {@code log}.
   *
   * @throws dev.attento.cells.CellRegistryException if {@code plugins} is neither a directory nor a file
   */
  public static PluginShipment ship(SparkContext spark, Path plugins, Consumer<String> log) {
    if (plugins == null) {
      return NONE;
    }
    CellRegistry registry = CellRegistry.load(plugins);
    registry.problems().forEach(p -> log.accept("plugins: " + p));
    // Each jar that provides a cell, once, with the hash it had when the registry opened it.
    Map<Path, String> jars = new LinkedHashMap<>();
    for (CellRegistry.Entry e : registry.entries()) {
      PluginJar jar = PluginJar.of(e.provider());
      if (jar != null) {
        jars.putIfAbsent(jar.jar(), jar.sha256());
      }
    }
    List<ShippedJar> shipped = new ArrayList<>();
    jars.forEach((jar, sha256) -> {
      spark.addFile(jar.toUri().toString());
      shipped.add(new ShippedJar(jar.getFileName().toString(), sha256));
    });
    PluginShipment shipment = new PluginShipment(shipped);
    if (!shipped.isEmpty()) {
      log.accept("plugins: shipped to the executors: " + shipment.describe());
    }
    return shipment;
  }

  /**
   * On an executor: the shipped jar to load the model in {@code modelDir} with, or
   * {@code null} when there is none to choose (no plugins shipped, or a built-in cell), in which
   * case loading falls back to the jar the model records, as {@code attento translate} without
   * {@code --plugins} does. The jar is the one with the pinned SHA-256; failing that, the one
   * with the pinned jar's file name, which loading then refuses as a different jar.
   *
   * @throws ModelFileException if the model's cell is pinned to a jar that was not shipped
   */
  public Path jarFor(Path modelDir) {
    if (jars.isEmpty()) {
      return null;
    }
    CellPin pin = BundleFiles.pin(modelDir);
    if (pin == null) {
      return null;
    }
    String recordedName = Path.of(pin.jar()).getFileName().toString();
    ShippedJar chosen = jars.stream().filter(j -> j.sha256().equals(pin.sha256())).findFirst()
        .or(() -> jars.stream().filter(j -> j.name().equals(recordedName)).findFirst())
        .orElseThrow(() -> new ModelFileException("the model's cell comes from the plugin jar " + pin.jar()
            + " (SHA-256 " + PluginJar.shortHash(pin.sha256()) + "), which is not among the jars shipped with --plugins (" + describe() + ")"));
    return Path.of(SparkFiles.get(chosen.name()));
  }

  /** The shipped jars, for messages: {@code name (SHA-256 abc…), …}. */
  public String describe() {
    return jars.stream().map(j -> j.name() + " (SHA-256 " + PluginJar.shortHash(j.sha256()) + ")")
        .collect(Collectors.joining(", "));
  }
}

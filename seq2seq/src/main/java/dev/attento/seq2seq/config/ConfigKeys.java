package dev.attento.seq2seq.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every configuration key, section by section ({@link DataKeys},
 * {@link ModelKeys}, {@link TrainingKeys}, {@link DecodingKeys}), in the order a run's
 * {@code config.json} lists them.
 */
public final class ConfigKeys {

  /** The sections, in file order. */
  public static final List<String> SECTIONS = List.of("data", "model", "training", "decoding");

  private static final List<ConfigKey<?>> ALL = concat(DataKeys.ALL, ModelKeys.ALL, TrainingKeys.ALL, DecodingKeys.ALL);

  private static final Map<String, ConfigKey<?>> BY_NAME = index(ALL);

  private ConfigKeys() {}

  /** Every key. */
  public static List<ConfigKey<?>> all() {
    return ALL;
  }

  /** The keys of one section, in file order. */
  public static List<ConfigKey<?>> section(String section) {
    return ALL.stream().filter(k -> k.section().equals(section)).toList();
  }

  /** The key called {@code name} ({@code section.key}), if there is one. */
  public static Optional<ConfigKey<?>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * Whether {@code name} is a key of earlier versions that is accepted and dropped
   * (see {@link DataKeys#IGNORED}).
   */
  public static boolean ignored(String name) {
    return DataKeys.IGNORED.contains(name);
  }

  @SafeVarargs
  private static List<ConfigKey<?>> concat(List<ConfigKey<?>>... sections) {
    List<ConfigKey<?>> all = new ArrayList<>();
    for (List<ConfigKey<?>> s : sections) {
      all.addAll(s);
    }
    return List.copyOf(all);
  }

  private static Map<String, ConfigKey<?>> index(List<ConfigKey<?>> keys) {
    Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
    for (ConfigKey<?> k : keys) {
      if (m.put(k.name(), k) != null || !SECTIONS.contains(k.section())) {
        throw new IllegalStateException("catalogue key " + k + " is listed twice or in an unknown section");
      }
    }
    return Map.copyOf(m);
  }
}

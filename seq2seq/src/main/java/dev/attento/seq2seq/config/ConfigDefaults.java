package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each key's default as a user would type it, for command-line help ("default: 1500") and
 * for {@code attento config}.
 */
public final class ConfigDefaults {

  private ConfigDefaults() {}

  /**
   * The default of {@code key} as text: numbers and names as written on the command line
   * ({@code 1500}, {@code adam}, {@code luong-general}), {@code none} for an unset value, an
   * empty map as {@code {}}.
   *
   * @throws IllegalArgumentException for a key the catalogue lacks (naming the closest one)
   */
  public static String text(String key) {
    return show(find(key).defaultNode());
  }

  /** The key's one-line description followed by its default, e.g. for an option's help. */
  public static String help(String key) {
    ConfigKey<?> k = find(key);
    return k.description() + " Default: " + show(k.defaultNode()) + ".";
  }

  /** Every key's default as {@link #text} gives it, in catalogue order. */
  public static Map<String, String> all() {
    Map<String, String> out = new LinkedHashMap<>();
    ConfigKeys.all().forEach(k -> out.put(k.name(), show(k.defaultNode())));
    return out;
  }

  static String show(JsonNode node) {
    if (node.isNull()) {
      return "none";
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static ConfigKey<?> find(String key) {
    return ConfigKeys.byName(key).orElseThrow(() -> new IllegalArgumentException("no config key '" + key
        + "'; did you mean '" + ClosestName.closest(key, ConfigKeys.all().stream().map(ConfigKey::name).toList()) + "'?"));
  }
}

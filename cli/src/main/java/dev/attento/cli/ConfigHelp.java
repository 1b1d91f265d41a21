package dev.attento.cli;

import dev.attento.seq2seq.config.ConfigDefaults;
import java.util.ListResourceBundle;
import java.util.Map;

/**
 * Help text for the options that stand for a config key ({@code descriptionKey = "training.steps"}):
 * the key's description and its default, taken from the configuration catalogue, so that
 * {@code attento train --help} and {@code docs/configuration.md} say the same thing.
 */
final class ConfigHelp extends ListResourceBundle {

  private final Map<String, String> overrides;

  /**
   * @param overrides help text for keys whose default a command changes (e.g. {@code compare}'s
   *     task), by key
   */
  ConfigHelp(Map<String, String> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  @Override
  protected Object[][] getContents() {
    Map<String, String> defaults = ConfigDefaults.all();
    Object[][] contents = new Object[defaults.size()][];
    int i = 0;
    for (String key : defaults.keySet()) {
      contents[i++] = new Object[] {key, overrides.getOrDefault(key, ConfigDefaults.help(key)) + " (" + key + ")"};
    }
    return contents;
  }
}

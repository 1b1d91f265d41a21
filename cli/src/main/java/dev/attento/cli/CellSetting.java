package dev.attento.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell with options as written on the command line: {@code CELL} or
 * {@code CELL:key=value,key=value}, e.g. {@code rnn:activation=relu,recurrent_init=identity}.
 *
 * @param cell cell name
 * @param options its options, in the order given
 */
record CellSetting(String cell, Map<String, String> options) {

  /** Parses each non-blank setting, in order. */
  static List<CellSetting> parseAll(List<String> settings) {
    return settings.stream().filter(s -> !s.isBlank()).map(CellSetting::parse).toList();
  }

  /** Parses one setting. */
  static CellSetting parse(String setting) {
    String[] parts = setting.strip().split(":", 2);
    Map<String, String> options = new LinkedHashMap<>();
    if (parts.length > 1) {
      for (String kv : parts[1].split(",")) {
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new UserError("setting '" + setting + "': options must be key=value");
        }
        options.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return new CellSetting(parts[0], Collections.unmodifiableMap(options));
  }
}

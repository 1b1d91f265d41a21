package dev.attento.spark.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's command line: {@code --name value} pairs, each name from the job's known set. The
 * jobs parse their own few options so the job jar needs no command-line library.
 */
final class JobArguments {

  private final Map<String, String> values = new HashMap<>();

  /** Parses {@code args}, rejecting names outside {@code known} and options without a value. */
  JobArguments(String[] args, Set<String> known) {
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !known.contains(name.substring(2))) {
        throw new JobException("unknown option " + name + " (known: --" + String.join(", --", known.stream().sorted().toList()) + ")");
      }
      if (i + 1 >= args.length) {
        throw new JobException(name + " needs a value");
      }
      values.put(name.substring(2), args[++i]);
    }
  }

  /** The value of a required option. */
  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new JobException("--" + name + " is required");
    }
    return v;
  }

  /** The value of an option, or {@code fallback}. */
  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** A positive whole-number option, or {@code fallback}. */
  int positive(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new JobException("--" + name + " must be a positive whole number, got '" + v + "'");
  }

  /** One of {@code choices}, or {@code fallback}. */
  String choice(String name, String fallback, List<String> choices) {
    String v = values.getOrDefault(name, fallback);
    if (!choices.contains(v)) {
      throw new JobException("--" + name + " must be one of " + String.join(", ", choices) + ", got '" + v + "'");
    }
    return v;
  }
}

package dev.attento.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a run lives: {@code runs/<name>/} with config.json, metrics.csv, charts and checkpoints.
 * A name that is taken gets a suffix ({@code name-2}, {@code name-3}, …), and a command that
 * loads a run by its name ({@code -m runs/name}) takes the latest of them.
 */
final class RunDirectory {

  /** What {@link #fresh} appends to a taken name: {@code -2}, {@code -3}, … */
  private static final Pattern SUFFIX = Pattern.compile("-([1-9][0-9]{0,8})");

  private RunDirectory() {}

  /** A new directory {@code base/name}, or {@code name-2}, {@code name-3}… if taken. */
  static Path fresh(Path base, String name) throws IOException {
    Path dir = base.resolve(name);
    for (int i = 2; Files.exists(dir); i++) {
      dir = base.resolve(name + "-" + i);
    }
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * The run that {@code given} names: the run of that name with the highest suffix
   * ({@code runs/name-3} for {@code runs/name} when {@code train} ran three times there), which
   * is then named in one line on {@code err}; otherwise {@code given} itself. Only siblings with
   * a checkpoint ({@code checkpoints/LATEST}) count: a run still before its first one is not taken. A path ending in {@code /.} ({@code runs/name/.}) is taken as it is.
   */
  static Path latest(Path given, PrintWriter err) throws IOException {
    Path name = given.getFileName();
    Path parent = given.toAbsolutePath().getParent();
    if (name == null || name.toString().equals(".") || parent == null || !Files.isDirectory(parent)) {
      return given;
    }
    String prefix = name.toString();
    long best = Files.isDirectory(given) ? 1 : 0;
    String bestName = null;
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path sibling : (Iterable<Path>) siblings::iterator) {
        String s = sibling.getFileName().toString();
        if (!s.startsWith(prefix)) {
          continue;
        }
        Matcher m = SUFFIX.matcher(s.substring(prefix.length()));
        long suffix = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (suffix > best && Files.isRegularFile(sibling.resolve("checkpoints/LATEST"))) {
          best = suffix;
          bestName = s;
        }
      }
    }
    if (bestName == null) {
      return given;
    }
    Path chosen = given.resolveSibling(bestName);
    err.println("attento: " + given + ": using " + chosen + ", the latest run named " + prefix + " (" + given
        + "/. names that one alone)");
    err.flush();
    return chosen;
  }

  /** {@link #latest} of each run. */
  static List<Path> latest(List<Path> given, PrintWriter err) throws IOException {
    List<Path> chosen = new java.util.ArrayList<>();
    for (Path p : given) {
      chosen.add(latest(p, err));
    }
    return chosen;
  }
}

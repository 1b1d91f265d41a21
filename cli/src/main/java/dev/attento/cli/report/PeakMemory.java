package dev.attento.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The process's peak resident set size (the most physical memory it has held at once), which is
 * what decides whether a job fits a machine: the JVM heap plus metaspace, thread stacks and code.
 * Read from Linux's {@code /proc/self/status} ({@code VmHWM}); other systems report nothing.
 */
public final class PeakMemory {

  private PeakMemory() {}

  /** The peak RSS in bytes, if the system reports it. */
  public static OptionalLong bytes() {
    return parse(Path.of("/proc/self/status"));
  }

  /** {@code VmHWM} of a {@code /proc/<pid>/status} file, in bytes. */
  static OptionalLong parse(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          String[] f = line.substring("VmHWM:".length()).trim().split("\\s+");
          if (f.length == 2 && f[1].equals("kB")) {
            return OptionalLong.of(Long.parseLong(f[0]) * 1024);
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or a format we do not know: no figure rather than a wrong one.
    }
    return OptionalLong.empty();
  }

  /** One line for the end of a job, e.g. {@code peak memory (RSS): 612 MB}, or empty. */
  public static String line() {
    OptionalLong b = bytes();
    return b.isPresent() ? String.format(Locale.ROOT, "peak memory (RSS): %,d MB", b.getAsLong() / (1024 * 1024)) : "";
  }
}

package dev.attento.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in a child JVM, so a test can send it signals and watch it exit. */
final class ChildCli {

  private ChildCli() {}

  /** Starts {@code attento args…}; standard output and error both go to {@code log}. */
  static Process start(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.attento.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Sends {@code signal} (e.g. {@code INT}, {@code TERM}) to the process. */
  static void signal(Process p, String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
  }

  /**
   * Whether this JVM ignores SIGINT (Linux: signal 2 in the {@code SigIgn} mask of /proc/self/status), as a
   * process started in the background by a shell without job control does ({@code cmd &} in a
   * script): its children inherit that, and the JVM then installs no handler, so a Ctrl-C test
   * would measure how it was launched, not the CLI.
   */
  static boolean interruptIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0; // SIGINT = 2, bit 1
      }
    }
    return false;
  }

  /** Whether the process has {@code file} open (Linux: its /proc/PID/fd links), polled for up to a minute. */
  static boolean awaitOpen(Process p, Path file) throws IOException, InterruptedException {
    Path fds = Path.of("/proc", Long.toString(p.pid()), "fd");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && System.nanoTime() < deadline) {
      try (var links = Files.list(fds)) {
        if (links.anyMatch(l -> target(l).equals(file))) {
          return true;
        }
      } catch (IOException raced) {
        // the process exited or closed a descriptor while we looked
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static Path target(Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException gone) {
      return Path.of("");
    }
  }

  /** Waits up to a minute for the exit; kills the process if it is still running then. */
  static boolean exits(Process p) throws InterruptedException {
    if (p.waitFor(60, TimeUnit.SECONDS)) {
      return true;
    }
    p.destroyForcibly().waitFor();
    return false;
  }
}

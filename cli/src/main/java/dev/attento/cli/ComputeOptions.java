package dev.attento.cli;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} and {@code --kernels}, shared by every command that computes: the one
 * place where the process decides how many cores it uses and which kernels it runs. The
 * {@link Kernels} made here are passed down explicitly to everything that computes.
 */
final class ComputeOptions {

  /** More threads than this is surely a typo. */
  static final int MAX_THREADS = 1024;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads to compute with (default: one per available core, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--kernels", paramLabel = "KIND",
      description = "auto (Vector API when available), vector, blocked or reference (default: ${DEFAULT-VALUE}).")
  String kernels = "auto";

  /**
   * The kernels on a pool of {@code --threads} threads. The pool's workers are daemon threads,
   * so a command may simply return; long-lived callers close {@code kernels.pool()}.
   */
  Kernels kernels() {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new UserError("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
    }
    Kernels.Choice choice;
    try {
      choice = Kernels.Choice.parse(kernels);
    } catch (IllegalArgumentException e) {
      throw new UserError("--kernels: " + e.getMessage());
    }
    return Kernels.choose(choice, WorkerPool.create(threads));
  }
}

package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attento.seq2seq.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILL at the moment a checkpoint directory is deleted, made exact with strace's fault
 * injection ({@code strace -e inject=rmdir:signal=KILL}, the reproduction): resuming a
 * finished run saves its last step again, which deleted the directory {@code LATEST} points to
 * before renaming the new copy in, so a kill in between left {@code LATEST} pointing at nothing.
 * Saving an already-saved step now writes and deletes nothing.
 */
class KilledSaveTest {

  @TempDir
  Path dir;

  private static boolean straceWorks() throws Exception {
    try {
      Process p = new ProcessBuilder("strace", "-qq", "-o", "/dev/null", "true").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException noStrace) {
      return false;
    }
  }

  @Test
  void aKillAtAnyDirectoryDeletionWhileAFinishedRunResumesLosesNoCheckpoint() throws Exception {
    assumeTrue(straceWorks(), "strace (with ptrace permitted) is needed");
    Cli.Result trained = Cli.run(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "k"));
    assertEquals(0, trained.code(), trained.out() + trained.err());
    Path run = dir.resolve("k");
    Path latest = Checkpoints.latest(run);
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", dir.resolve("strace.txt").toString(),
        "-e", "trace=rmdir", "-e", "inject=rmdir:signal=KILL",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), "dev.attento.cli.Main", "train", "--resume", run.toString()));
    Path log = dir.resolve("log.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertEquals(true, ChildCli.exits(p), Files.readString(log));
    assertEquals(0, p.exitValue(), "no directory was deleted (a kill there would exit 137): " + Files.readString(log));
    assertEquals(latest, Checkpoints.latest(run), "LATEST still points at the checkpoint");
    Checkpoints.loadModel(run, null); // every checksum verifies
    Cli.Result translated = Cli.run("translate", "-m", run.toString(), "March 3, 2021");
    assertEquals(0, translated.code(), translated.err());
  }
}

package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during training writes a checkpoint and exits; --resume finishes the run. */
class InterruptResumeTest {

  @TempDir
  Path dir;

  @Test
  void anInterruptedRunResumes() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.attento.cli.Main"));
    cmd.addAll(List.of(CliTest.with(CliTest.TINY, "train", "--runs", dir.toString(), "--name", "r")));
    int steps = Integer.parseInt(cmd.get(cmd.indexOf("--steps") + 1));
    cmd.set(cmd.indexOf("--steps") + 1, "100000");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    Path metrics = dir.resolve("r/metrics.csv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && (!Files.exists(metrics) || Files.readAllLines(metrics).size() < 12)) {
      Thread.sleep(100);
    }
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops");
    String log = Files.readString(dir.resolve("log.txt"));
    assertTrue(log.contains("interrupted after"), log);
    assertTrue(Files.exists(dir.resolve("r/checkpoints/LATEST")), log);
    assertTrue(Files.exists(dir.resolve("r/curves.png")), "drawn at each evaluation, so there after a signal");
    long stepsDone = Files.readAllLines(metrics).stream().filter(l -> l.startsWith("train,")).count();
    assertTrue(stepsDone >= 10 && stepsDone < 100000, "steps " + stepsDone);
    Cli.Result resumed = Cli.run("train", "--resume", dir.resolve("r").toString(), "--set", "training.steps=" + (stepsDone + steps));
    assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    assertTrue(resumed.out().contains("completed after " + (stepsDone + steps) + " steps"), resumed.out());
  }
}

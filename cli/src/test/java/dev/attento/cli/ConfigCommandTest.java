package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.config.ConfigDocs;
import dev.attento.seq2seq.config.ConfigFormat;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attento config} prints the defaults in each format; {@code config check} prints one line. */
class ConfigCommandTest {

  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ConfigCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printsTheCompleteDefaultsThatReadBackAsTheDefaults() {
    Run yaml = run();
    assertEquals(0, yaml.exit());
    assertEquals(ExperimentConfig.defaults(), ConfigTree.parse(yaml.out(), ConfigFormat.YAML, "out").bind());
    Run json = run("--format", "json");
    assertEquals(ExperimentConfig.defaults(), ConfigTree.parse(json.out(), ConfigFormat.JSON, "out").bind());
    assertEquals(ConfigDocs.markdown(), run("--format", "markdown").out());
    Run bad = run("--format", "toml");
    assertTrue(bad.exit() != 0 && bad.out().isEmpty(), "an unknown format prints nothing and fails");
  }

  @Test
  void checkPrintsOkOrTheOneLineProblem() throws Exception {
    Path good = Files.writeString(dir.resolve("exp.yaml"), "model:\n  hidden: 32\n");
    Run ok = run("check", good.toString());
    assertEquals(new Run(0, good + ": ok\n", ""), ok);
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "training:\n  optimiser: adam\n");
    Run bad = run("check", typo.toString());
    assertEquals(UserError.EXIT_CODE, bad.exit());
    assertEquals("attento: config file " + typo + ": unknown key 'training.optimiser'; did you mean 'training.optimizer'?\n",
        bad.err());
    Run missing = run("check", dir.resolve("none.json").toString());
    assertTrue(missing.err().endsWith("does not exist\n") && missing.err().lines().count() == 1, missing.err());
  }
}

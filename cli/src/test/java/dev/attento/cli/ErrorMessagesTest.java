package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User text echoed in a message (a config key, a corpus keyword, an argument) cannot drive the terminal. */
class ErrorMessagesTest {

  private static final String HOSTILE = "\033]0;PWNED\007";
  private static final String SHOWN = "\\u001b]0;PWNED\\u0007";

  @TempDir
  Path dir;

  @Test
  void aHostileConfigKeyIsEscapedInTheOneLineError() throws Exception {
    Path config = Files.writeString(dir.resolve("hostile.json"), "{\"training\": {\"\\u001b]0;PWNED\\u0007\": 1}}");
    Cli.Result r = Cli.run("train", "--config", config.toString(), "--runs", dir.resolve("runs").toString());
    assertEquals(UserError.EXIT_CODE, r.code(), r.err());
    assertOneSafeLine(r.err());
  }

  @Test
  void aHostileCorpusKeywordIsEscapedInErrorsAndReports() throws Exception {
    Path po = Files.writeString(dir.resolve("hostile.po"), "msgid \"a\"\nmsgstr \"b\"\n\n" + HOSTILE + " \"x\"\n");
    Cli.Result strict = Cli.run("data", "import", "--strict", po.toString(), "-o", dir.resolve("out.tsv").toString());
    assertEquals(UserError.EXIT_CODE, strict.code(), strict.err());
    assertOneSafeLine(strict.err());
    Cli.Result stats = Cli.run("data", "stats", po.toString());
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains(SHOWN), stats.out());
    assertNoControls(stats.out());
  }

  @Test
  void aHostileArgumentIsEscapedInTheUsageError() {
    Cli.Result r = Cli.run("data", HOSTILE);
    assertEquals(2, r.code());
    assertTrue(r.err().contains(SHOWN), r.err());
    assertNoControls(r.err());
  }

  @Test
  void theDebugStackTraceIsEscapedToo() {
    Cli.Result r = Cli.run("--debug", "translate", "-m", dir.resolve(HOSTILE).toString());
    assertEquals(UserError.EXIT_CODE, r.code(), r.err());
    assertTrue(r.err().contains(SHOWN), r.err());
    assertNoControls(r.err());
  }

  private static void assertOneSafeLine(String err) {
    assertTrue(err.startsWith("attento: ") && err.indexOf('\n') == err.length() - 1, err);
    assertTrue(err.contains(SHOWN), err);
    assertNoControls(err);
  }

  private static void assertNoControls(String text) {
    assertTrue(text.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c != 0x7f), text);
  }
}

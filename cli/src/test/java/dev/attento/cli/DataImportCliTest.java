package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attento data import} and {@code train} on real corpus formats, through the real command line. */
class DataImportCliTest {

  static final Path FORMATS = Path.of("..", "seq2seq", "src", "test", "resources", "formats");
  static final String PO = FORMATS.resolve("sample.po").toString();
  static final String TMX = FORMATS.resolve("sample.tmx").toString();
  static final String MO = FORMATS.resolve("sample-be.mo").toString();

  @TempDir
  Path dir;

  private Cli.Result importWithSplit(long seed, String name) {
    return Cli.run("data", "import", PO, TMX, MO, "--source-lang", "en", "--target-lang", "it", "--strip-accelerators",
        "-o", dir.resolve(name + ".tsv").toString(), "--dev-size", "2", "--dev-out", dir.resolve(name + "-dev.tsv").toString(),
        "--test-size", "2", "--test-out", dir.resolve(name + "-test.tsv").toString(), "--seed", String.valueOf(seed));
  }

  @Test
  void importsEveryFormatCleansAndHoldsOutDeterministically() throws Exception {
    Cli.Result r = importWithSplit(1, "a");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out(), "the summary goes to standard error");
    List<String> lines = r.err().lines().toList();
    assertEquals(List.of(
        PO + " (po): 11 pairs; ignored 4 entries {fuzzy=2, obsolete=1, untranslated=1}",
        TMX + " (tmx): 6 pairs; ignored 2 entries {empty segment=1, no it segment=1}",
        MO + " (mo): 11 pairs",
        "cleaning: 28 pairs in, 14 kept; dropped 14: only placeholders 4, identical sides 2, duplicate 8;"
            + " accelerators removed in 6",
        "wrote 10 pairs to " + dir.resolve("a.tsv") + ", 2 to " + dir.resolve("a-dev.tsv") + ", 2 to "
            + dir.resolve("a-test.tsv") + " (held out with seed 1)"), lines);
    List<String> train = Files.readAllLines(dir.resolve("a.tsv"));
    assertEquals("Open...\tApri...", train.get(0), "accelerator stripped, _File dropped as identical");
    assertTrue(train.contains("Save & Close\tSalva & chiudi"), train.toString());
    assertEquals(0, importWithSplit(1, "b").code());
    for (String part : List.of(".tsv", "-dev.tsv", "-test.tsv")) {
      assertEquals(Files.readString(dir.resolve("a" + part)), Files.readString(dir.resolve("b" + part)), "same seed, same " + part);
    }
    assertEquals(0, importWithSplit(2, "c").code());
    assertNotEquals(Files.readString(dir.resolve("a-dev.tsv")), Files.readString(dir.resolve("c-dev.tsv")));
  }

  @Test
  void alignedFilesAndMalformedLinesAreReported() throws Exception {
    Path en = Files.writeString(dir.resolve("a.en"), "one\ntwo\n\nthree\nfour\n");
    Path it = Files.writeString(dir.resolve("a.it"), "uno\ndue\n\ntre\n");
    Path out = dir.resolve("aligned.tsv");
    Cli.Result r = Cli.run("data", "import", "--format", "aligned", en.toString(), it.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("malformed: " + it + ":5: file ends early"), r.err());
    assertEquals("one\tuno\ntwo\tdue\nthree\ttre\n", Files.readString(out));
    Path tsv = Files.writeString(dir.resolve("t.txt"), "a b\tc d\nno tab\na b\tc d\nsame\tsame\n");
    Cli.Result t = Cli.run("data", "import", tsv.toString(), "-o", dir.resolve("t.tsv").toString(), "--keep-identical");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains(tsv + " (tsv): 3 pairs; skipped 1 malformed line(s)"), t.err());
    assertTrue(t.err().contains("cleaning: 3 pairs in, 2 kept; dropped 1: duplicate 1"), t.err());
  }

  @Test
  void versesArePairedByReferenceAndSplitDeterministically() throws Exception {
    String kjv = FORMATS.resolve("verses-kjv.txt").toString();
    String rv = FORMATS.resolve("verses-rv1909.txt").toString();
    Cli.Result r = Cli.run("data", "import", "--format", "verses", kjv, rv, "-o", dir.resolve("v.tsv").toString(),
        "--test-size", "2", "--test-out", dir.resolve("v-test.tsv").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(
        kjv + " + " + rv + " (verses): 7 pairs; 5 blank line(s); ignored 8 entries {empty verse=1, "
            + "heading or other non-verse line=5, verse missing in the source=1, verse missing in the target=1}",
        "cleaning: 7 pairs in, 7 kept",
        "wrote 5 pairs to " + dir.resolve("v.tsv") + ", 2 to " + dir.resolve("v-test.tsv") + " (held out with seed 1)"),
        r.err().lines().toList());
    String all = Files.readString(dir.resolve("v.tsv")) + Files.readString(dir.resolve("v-test.tsv"));
    assertTrue(all.contains("Jesus wept.\tY lloró Jesús.\n"), all);
    assertTrue(!all.contains("Psalm of David") && !all.contains("<G") && !all.contains("¶"), all);
    Cli.Result again = Cli.run("data", "import", "--format", "verses", kjv, rv, "-o", dir.resolve("w.tsv").toString(),
        "--test-size", "2", "--test-out", dir.resolve("w-test.tsv").toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(Files.readString(dir.resolve("v-test.tsv")), Files.readString(dir.resolve("w-test.tsv")));
    Cli.Result one = Cli.run("data", "import", "--format", "verses", kjv, "-o", dir.resolve("x.tsv").toString());
    assertEquals(1, one.code());
    assertEquals("attento: --format verses takes two files, the source and the target, got 1\n", one.err());
  }

  @Test
  void userErrorsAreOneLineAndExitOne() throws Exception {
    Path out = dir.resolve("x.tsv");
    Path corrupt = Files.write(dir.resolve("bad.mo"), new byte[] {(byte) 0xde, 0x12, 0x04, (byte) 0x95, 0, 0, 0, 0});
    String[][] cases = {
        {"choose the target language", "data", "import", TMX, "-o", out.toString()},
        {"translates into 'it' (its Language header), not 'de'", "data", "import", PO, "--target-lang", "de", "-o", out.toString()},
        {"corrupt .mo file: the file is 8 bytes", "data", "import", corrupt.toString(), "-o", out.toString()},
        {"--format aligned takes two files", "data", "import", "--format", "aligned", PO, "-o", out.toString()},
        {"unknown corpus format 'xliff'; known: tsv, aligned, tmx, po, mo, verses", "data", "import", "--format", "xliff", PO, "-o", out.toString()},
        {"--dev-size and --dev-out go together", "data", "import", PO, "-o", out.toString(), "--dev-size", "3"},
        {"cannot hold out 20 dev and 0 test pairs from 8 pairs", "data", "import", PO, "-o", out.toString(), "--dev-size", "20",
            "--dev-out", dir.resolve("d.tsv").toString()},
        {"nope.po: no such file", "data", "import", dir.resolve("nope.po").toString(), "-o", out.toString()},
        {"no pairs left to write", "data", "import", PO, "-o", out.toString(), "--min-length", "50"},
    };
    for (String[] c : cases) {
      Cli.Result r = Cli.run(java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals(1, r.code(), c[0] + ": " + r.err());
      String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
      assertTrue(last.startsWith("attento: ") && last.contains(c[0]), c[0] + " not in: " + r.err());
      assertTrue(!r.err().contains("\tat "), "no stack trace");
    }
    assertTrue(Files.notExists(out), "nothing written on an error");
  }

  @Test
  void helpListsTheOptionsWithoutFormattingWarnings() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream tracer = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(tracer, true)); // picocli's warnings bypass the command's writers
    try {
      Cli.Result r = Cli.run("data", "import", "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().contains("--strip-accelerators") && r.out().contains("--keep-placeholder-only"), r.out());
    } finally {
      System.setErr(original);
    }
    assertEquals("", tracer.toString(), "an unescaped % in a description makes picocli warn");
  }

  /** A two-step training on the TMX sample with the .po sample as dev set, saved as run {@code name}. */
  private Cli.Result trainOnTmxAndPo(String name) {
    return Cli.run("train", "--train", TMX, "--dev", PO, "--source-lang", "en", "--target-lang", "it",
        "--hidden", "8", "--embedding", "8", "--steps", "2", "--batch-size", "4", "--set", "training.evalEvery=2",
        "--set", "training.checkpointEvery=2", "--runs", dir.toString(), "--name", name);
  }

  @Test
  void trainReadsTmxAndPoDirectly() {
    Cli.Result r = trainOnTmxAndPo("real");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("data: " + TMX + ": 6 pairs; ignored 2 entries") && r.err().contains(PO + ": 11 pairs"), r.err());
  }

  @Test
  void evalAndCompareScoreOnATestSetInAnyFormat() {
    Cli.Result trained = trainOnTmxAndPo("fmt");
    assertEquals(0, trained.code(), trained.out() + trained.err());
    String run = dir.resolve("fmt").toString();
    Cli.Result po = Cli.run("eval", "-m", run, "--test", PO, "--target-lang", "it");
    assertEquals(0, po.code(), po.out() + po.err());
    assertTrue(po.out().contains("11 test sentences"), po.out());
    Cli.Result tmx = Cli.run("eval", "-m", run, "--test", TMX, "--source-lang", "en", "--target-lang", "it");
    assertEquals(0, tmx.code(), tmx.out() + tmx.err());
    assertTrue(tmx.out().contains("6 test sentences"), tmx.out());
    Cli.Result compared = Cli.run("compare", "--load", run + "," + run, "--test", MO, "--source-lang", "en",
        "--target-lang", "it", "--runs", dir.toString(), "--name", "cmp", "--heatmaps", "0");
    assertEquals(0, compared.code(), compared.out() + compared.err());
  }
}

package dev.attento.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.LineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attento data bpe learn|apply|decode} through the real command line. */
class BpeCliTest {

  static final Path CORPUS = Path.of("..", "seq2seq", "src", "test", "resources", "corpus", "libreoffice-en-it-slice.tsv");

  @TempDir
  Path dir;

  @Test
  void learnApplyDecodeRoundTripsTheCorpus() throws Exception {
    Path model = dir.resolve("model.bpe");
    Cli.Result learned = Cli.run("data", "bpe", "learn", "--size", "3000", "-o", model.toString(), CORPUS.toString());
    assertEquals(0, learned.code(), learned.err());
    assertTrue(learned.err().matches("learned \\d+ merges from 12290 texts \\(alphabet of \\d+ characters\\) in [0-9.]+ s;"
        + " vocabulary of 3000; wrote " + java.util.regex.Pattern.quote(model.toString()) + "\\n"), learned.err());
    assertEquals("", learned.out());

    Cli.Result applied = Cli.run("data", "bpe", "apply", "-m", model.toString(), CORPUS.toString());
    assertEquals(0, applied.code(), applied.err());
    List<String> corpus = Files.readAllLines(CORPUS);
    List<String> pieces = applied.out().lines().toList();
    assertEquals(corpus.size(), pieces.size());
    assertEquals("▁Check\t▁Seleziona", pieces.get(0), "a TSV stays a TSV, fields encoded separately");

    Path encoded = Files.writeString(dir.resolve("pieces.txt"), applied.out());
    Cli.Result decoded = Cli.run("data", "bpe", "decode", encoded.toString());
    assertEquals(0, decoded.code(), decoded.err());
    assertEquals(Files.readString(CORPUS), decoded.out(), "decode restores every line exactly");
  }

  @Test
  void applyAndDecodeReadStandardInput() throws Exception {
    Path text = Files.writeString(dir.resolve("text.txt"), "open the file\nclose the file\nopen the folder\n");
    Path model = dir.resolve("model.bpe");
    assertEquals(0, Cli.run("data", "bpe", "learn", "--size", "290", "-o", model.toString(), text.toString()).code());
    Cli.Result applied = Cli.runWithInput("open  the 🙂\n", "data", "bpe", "apply", "-m", model.toString());
    assertEquals(0, applied.code(), applied.err());
    assertEquals("▁open ▁ ▁the ▁ <0xF0> <0x9F> <0x99> <0x82>\n", applied.out());
    Cli.Result decoded = Cli.runWithInput(applied.out(), "data", "bpe", "decode");
    assertEquals("open  the 🙂\n", decoded.out());
  }

  @Test
  void badInputIsOneLine() throws Exception {
    Path text = Files.writeString(dir.resolve("text.txt"), "open the file\n");
    Path model = dir.resolve("model.bpe");
    assertOneLineError("attento: bpe size must be a positive whole number (the vocabulary size), e.g. bpe:8000; got 'x'",
        "data", "bpe", "learn", "--size", "x", "-o", model.toString(), text.toString());
    assertOneLineError("attento: BPE size 100 is too small for the alphabet: the vocabulary holds 260 fixed entries"
        + " (4 specials, 256 bytes) and the texts' 10 characters, so use at least bpe:270",
        "data", "bpe", "learn", "--size", "100", "-o", model.toString(), text.toString());
    assertOneLineError("attento: " + dir.resolve("none.txt") + ": no such file",
        "data", "bpe", "learn", "-o", model.toString(), dir.resolve("none.txt").toString());
    assertOneLineError("attento: " + model + ": no such model file", "data", "bpe", "apply", "-m", model.toString(), text.toString());
    assertOneLineError("attento: " + text + ": not an Attento BPE model (the first line must be 'attento-bpe 1')",
        "data", "bpe", "apply", "-m", text.toString(), text.toString());

    assertEquals(0, Cli.run("data", "bpe", "learn", "--size", "280", "-o", model.toString(), text.toString()).code());
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(model, bytes);
    assertOneLineError("attento: " + model + ": BPE model is corrupt: its SHA-256 checksum does not match (the file was"
        + " damaged or edited)", "data", "bpe", "apply", "-m", model.toString(), text.toString());

    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'k', '\n', 'p', (byte) 0xE8, '\n'});
    assertOneLineError("attento: " + latin1 + ":2: invalid UTF-8", "data", "bpe", "decode", latin1.toString());
  }

  @Test
  void anOverLongLineOrBinaryInputIsOneLineNamingFileAndLine() throws Exception {
    Path text = Files.writeString(dir.resolve("text.txt"), "open the file\n");
    Path model = dir.resolve("model.bpe");
    Path huge = Files.writeString(dir.resolve("huge.txt"), "ok\n" + "x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\nok\n");
    String tooLong = ":2: line longer than " + LineReader.MAX_LINE_BYTES + " bytes";
    assertOneLineError("attento: " + huge + tooLong, "data", "bpe", "learn", "-o", model.toString(), text.toString(),
        huge.toString());
    assertOneLineError("attento: " + huge + tooLong, "data", "bpe", "decode", huge.toString());
    assertOneLineError("attento: " + huge + tooLong, "eval", "--hyp", huge.toString(), "--ref", huge.toString());
    Path binary = Files.write(dir.resolve("model.bin"), new byte[] {'P', 'K', 3, 4, 0, 0, '\n'});
    String nul = ":1: a NUL byte: binary data or UTF-16, not a UTF-8 text file";
    assertOneLineError("attento: " + binary + nul, "data", "bpe", "decode", binary.toString());
    assertOneLineError("attento: " + binary + nul, "eval", "--hyp", text.toString(), "--ref", binary.toString());
    assertOneLineError("attento: standard input:1: a NUL byte: binary data or UTF-16, not a UTF-8 text file",
        Cli.runWithInput("\u0000\u0000", "data", "bpe", "decode"));
  }

  private static void assertOneLineError(String expected, String... args) {
    assertOneLineError(expected, Cli.run(args));
  }

  private static void assertOneLineError(String expected, Cli.Result r) {
    assertEquals(UserError.EXIT_CODE, r.code(), r.err());
    assertEquals(expected + "\n", r.err());
  }
}

package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.CorpusException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorpusFormatTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"sample.tmx, TMX", "sample.po, PO", "sample-le.mo, MO", "sample-be.mo, MO"})
  void fixturesAreDetectedByContent(String fixture, CorpusFormat format) throws Exception {
    Path renamed = Files.copy(Fixtures.path(fixture), dir.resolve("corpus.txt"));
    assertEquals(format, CorpusFormat.detect(renamed));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "one\\ttwo|TSV",
      "|TSV",
      "just words|TSV",
      "<b>bold</b>\\tgrassetto|TSV",
      "\\uFEFF# comment\\n\\nmsgctxt \"x\"|PO",
      "#, fuzzy\\nmsgid \"a\"|PO",
      "\\uFEFF<?xml version=\"1.0\"?>\\n<!-- c -->\\n<tmx version=\"1.4\">|TMX",
      "  <tmx>|TMX",
  })
  void textIsDetectedByItsFirstStatement(String content, CorpusFormat format) throws Exception {
    String text = content == null ? "" : content.replace("\\t", "\t").replace("\\n", "\n").replace("\\uFEFF", "\uFEFF");
    Path f = Files.writeString(dir.resolve("c"), text);
    assertEquals(format, CorpusFormat.detect(f));
  }

  @Test
  void xmlThatIsNotTmxIsAnError() throws Exception {
    Path f = Files.writeString(dir.resolve("x.xlf"), "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"></xliff>\n");
    CorpusException e = assertThrows(CorpusException.class, () -> CorpusFormat.detect(f));
    assertEquals(f + ": XML but not TMX (no <tmx> element in the first 8192 bytes)", e.getMessage());
    Path utf16 = Files.write(dir.resolve("u"), "<?xml version=\"1.0\"?><tmx/>".getBytes(StandardCharsets.UTF_16BE));
    assertEquals(CorpusFormat.TMX, CorpusFormat.detect(utf16));
  }

  @Test
  void namesAreCaseInsensitiveAndAlignedIsTwoFiles() {
    assertEquals(CorpusFormat.PO, CorpusFormat.named(" Po "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusFormat.named("xliff"));
    assertEquals("unknown corpus format 'xliff'; known: tsv, aligned, tmx, po, mo, verses", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CorpusFormat.ALIGNED.read(Fixtures.path("sample.po"), ReadOptions.lenient()));
    assertTrue(CorpusFormat.readDetected(Fixtures.path("sample.po"), ReadOptions.lenient()).pairs().size() > 0);
  }
}

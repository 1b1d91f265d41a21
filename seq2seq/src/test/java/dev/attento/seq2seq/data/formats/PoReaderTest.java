package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.SentencePair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoReaderTest {

  @TempDir
  Path dir;

  private Path po(String content) throws Exception {
    return Files.writeString(dir.resolve("t.po"), content);
  }

  private static Corpus read(Path file) {
    return new PoReader(ReadOptions.lenient()).read(file);
  }

  @Test
  void readsTheSampleCatalogue() {
    Corpus c = read(Fixtures.path("sample.po"));
    assertEquals(Fixtures.PO_PAIRS, c.pairs());
    assertEquals(Map.of("fuzzy", 2L, "untranslated", 1L, "obsolete", 1L), c.ignored());
    assertTrue(c.problems().isEmpty(), c.problems().toString());
  }

  @Test
  void fuzzyMessagesAreKeptOnRequest() {
    Corpus c = new PoReader(new ReadOptions(false, null, "it", true)).read(Fixtures.path("sample.po"));
    List<SentencePair> expected = new ArrayList<>(Fixtures.PO_PAIRS);
    expected.add(new SentencePair("Guessed by a tool", "Indovinato da uno strumento"));
    expected.add(new SentencePair("Also guessed: %s", "Anche indovinato: %s"));
    assertEquals(expected, c.pairs());
    assertEquals(Map.of("untranslated", 1L, "obsolete", 1L), c.ignored());
  }

  @Test
  void anotherLanguageThanTheTargetIsAnError() {
    CorpusException e = assertThrows(CorpusException.class,
        () -> new PoReader(new ReadOptions(false, null, "de", false)).read(Fixtures.path("sample.po")));
    assertTrue(e.getMessage().endsWith("sample.po:3: the catalogue translates into 'it' (its Language header), not 'de'"),
        e.getMessage());
    assertEquals(11, new PoReader(new ReadOptions(false, null, "it_IT", false)).read(Fixtures.path("sample.po")).pairs().size());
  }

  @Test
  void malformedMessagesAreReportedWithTheirLineAndReadingResumes() throws Exception {
    Path f = po("""
        msgid "one"
        msgstr "uno"

        msgid "unterminated
        msgstr "x"

        msgid "two"
        msgstr "due"
        "\\q bad escape"

        msgid "no msgstr"
        msgid "three"
        msgstr "tre"

        msgstr "orphan"

        msgfoo "what"
        "continued"

        msgctxt "c"
        msgid "four" "!"
        msgstr[0] "quattro!"
        msgstr[1] "quattri!"
        """);
    Corpus c = read(f);
    assertEquals(List.of(new SentencePair("one", "uno"), new SentencePair("three", "tre"),
        new SentencePair("four!", "quattro!")), c.pairs());
    assertEquals(List.of(f + ":4: unterminated string", f + ":9: invalid escape sequence \\q",
        f + ":11: msgid without msgstr", f + ":15: msgstr without msgid", f + ":17: unknown keyword 'msgfoo'"),
        c.problems().stream().map(Object::toString).toList());
    CorpusException strict = assertThrows(CorpusException.class,
        () -> new PoReader(new ReadOptions(true, null, null, false)).read(f));
    assertEquals(f + ":4: unterminated string", strict.getMessage());
  }

  @Test
  void theHeaderCharsetAppliesToTheFollowingLinesEvenWithoutABlankLine() throws Exception {
    byte[] latin1 = ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
        + "#: comment right after the header, then a message in Latin-1\n"
        + "msgid \"caf\u00e9\"\nmsgstr \"caff\u00e8\"\n").getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("latin1.po"), latin1);
    assertEquals(List.of(new SentencePair("café", "caffè")), read(f).pairs());
    byte[] noBlank = ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
        + "msgid \"caf\u00e9\"\nmsgstr \"caff\u00e8\"\n").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of(new SentencePair("café", "caffè")), read(Files.write(dir.resolve("l2.po"), noBlank)).pairs());
  }

  @Test
  void unusableCharsetsAreErrorsNamingTheHeaderLine() throws Exception {
    CorpusException unknown = assertThrows(CorpusException.class, () -> read(po(
        "\nmsgid \"\"\nmsgstr \"Content-Type: text/plain; charset=klingon-8\\n\"\n")));
    assertTrue(unknown.getMessage().endsWith("t.po:2: unknown charset 'klingon-8' in the header"), unknown.getMessage());
    CorpusException utf16 = assertThrows(CorpusException.class, () -> read(po(
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-16\\n\"\n")));
    assertTrue(utf16.getMessage().contains("not ASCII-compatible"), utf16.getMessage());
    assertEquals(List.of(new SentencePair("a", "b")), read(po(
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n\nmsgid \"a\"\nmsgstr \"b\"\n")).pairs());
  }

  @Test
  void aMessageOfManyLinesIsCappedAsAWhole() throws Exception {
    String part = "\"" + "x".repeat(PoReader.MAX_MESSAGE_CHARS / 3 + 1) + "\"\n";
    Path f = po("msgid \"\"\n" + part.repeat(3) + "msgstr \"long\"\n\nmsgid \"short\"\nmsgstr \"corto\"\n");
    Corpus c = read(f);
    assertEquals(List.of(new SentencePair("short", "corto")), c.pairs());
    assertEquals(List.of(f + ":1: message longer than 1048576 characters"), c.problems().stream().map(Object::toString).toList());
  }

  @Test
  void stringsFollowGettextEscapes() throws Exception {
    assertEquals("a\nb\tc\rd\u0007e\bf\fg\u000Bh\"i\\j", PoStrings.parse(
        "\"a\\nb\\tc\\rd\\ae\\bf\\fg\\vh\\\"i\\\\j\"", StandardCharsets.UTF_8));
    assertEquals("é è A\u0000B", PoStrings.parse("\"\\303\\251 \\xC3\\xa8 \\101\\0B\"", StandardCharsets.UTF_8));
    assertEquals("ab", PoStrings.parse("  \"a\"   \"b\"  ", StandardCharsets.UTF_8));
    for (String[] bad : new String[][] {
        {"\"a", "unterminated string"}, {"\"a\\", "unterminated string"}, {"\"\\u00e9\"", "invalid escape sequence \\u"},
        {"\"\\x\"", "hex escape without digits"}, {"\"\\x100\"", "hex escape larger than a byte"},
        {"\"\\777\"", "octal escape larger than a byte"}, {"\"\\303\"", "escaped bytes are not valid UTF-8"},
        {"\"a\" b", "text after the closing quote"}, {"", "expected a quoted string"}, {"x", "expected a quoted string"}}) {
      PoStrings.Malformed e = assertThrows(PoStrings.Malformed.class, () -> PoStrings.parse(bad[0], StandardCharsets.UTF_8),
          bad[0]);
      assertEquals(bad[1], e.getMessage(), bad[0]);
    }
  }
}

package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusReader;
import dev.attento.seq2seq.data.LineReader;
import dev.attento.seq2seq.data.SentencePair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Byte-order marks, CRLF line ends, invalid UTF-8, very long lines and empty files, for every
 * text format: line formats skip the damaged line and say where; XML cannot skip a byte it
 * cannot decode, so TMX stops with file, line and column.
 */
class TextEdgeCasesTest {

  /** Stands for an invalid UTF-8 sequence in a rendered file. */
  private static final String BAD = "\u0000BAD\u0000";

  @TempDir
  Path dir;

  /** A text format: how pairs are written in it (one string a file) and how it is read back. */
  enum Format {
    TSV(pairs -> List.of(lines(pairs, p -> p.source() + "\t" + p.target()))),
    ALIGNED(pairs -> List.of(lines(pairs, SentencePair::source), lines(pairs, SentencePair::target))),
    TMX(pairs -> List.of("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n"
        + lines(pairs, p -> "<tu><tuv xml:lang=\"en\"><seg>" + p.source() + "</seg></tuv><tuv xml:lang=\"it\"><seg>"
        + p.target() + "</seg></tuv></tu>") + "</body>\n</tmx>\n")),
    PO(pairs -> List.of(lines(pairs, p -> "msgid \"" + p.source() + "\"\nmsgstr \"" + p.target() + "\"\n")));

    final Function<List<SentencePair>, List<String>> render;

    Format(Function<List<SentencePair>, List<String>> render) {
      this.render = render;
    }

    /** Lines per pair; TMX puts its units on lines 5, 6, ... and .po its messages on lines 1, 4, 7, ... */
    long line(int pair) {
      return switch (this) {
        case TMX -> 5 + pair;
        case PO -> 1 + 3L * pair;
        default -> 1 + pair;
      };
    }

    Corpus read(List<Path> files) {
      ReadOptions options = new ReadOptions(false, "en", "it", false);
      return this == ALIGNED ? new CorpusReader(false).readAligned(files.get(0), files.get(1))
          : CorpusFormat.valueOf(name()).read(files.get(0), options);
    }

    private static String lines(List<SentencePair> pairs, Function<SentencePair, String> line) {
      StringBuilder sb = new StringBuilder();
      pairs.forEach(p -> sb.append(line.apply(p)).append('\n'));
      return sb.toString();
    }
  }

  private List<Path> write(Format format, List<SentencePair> pairs, boolean bom, String eol) throws Exception {
    List<Path> files = new ArrayList<>();
    List<String> docs = format.render.apply(pairs);
    for (int i = 0; i < docs.size(); i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      String[] parts = docs.get(i).replace("\n", eol).split(BAD, -1);
      for (int j = 0; j < parts.length; j++) {
        out.write(parts[j].getBytes(StandardCharsets.UTF_8));
        if (j < parts.length - 1) {
          out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        }
      }
      files.add(Files.write(dir.resolve(format + "-" + i), out.toByteArray()));
    }
    return files;
  }

  private static final List<SentencePair> PAIRS = List.of(new SentencePair("one", "uno"), new SentencePair("two", "due"));

  @ParameterizedTest
  @EnumSource(Format.class)
  void byteOrderMarksAndCrlfLineEndsAreRemoved(Format format) throws Exception {
    Corpus c = format.read(write(format, PAIRS, true, "\r\n"));
    assertEquals(PAIRS, c.pairs());
    assertTrue(c.problems().isEmpty(), c.problems().toString());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void emptyFilesHoldNoPairs(Format format) throws Exception {
    List<Path> files = write(format, PAIRS, false, "\n");
    for (Path f : files) {
      Files.write(f, new byte[0]);
    }
    if (format == Format.TMX) {
      CorpusException e = assertThrows(CorpusException.class, () -> format.read(files));
      assertTrue(e.getMessage().startsWith(files.get(0) + ":1:1: malformed XML: "), e.getMessage());
    } else {
      Corpus c = format.read(files);
      assertEquals(0, c.pairs().size() + c.problems().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void invalidUtf8IsReportedWhereItIs(Format format) throws Exception {
    List<SentencePair> pairs = List.of(PAIRS.get(0), new SentencePair("t" + BAD + "hree", "tre"), PAIRS.get(1));
    List<Path> files = write(format, pairs, false, "\n");
    if (format == Format.TMX) {
      CorpusException e = assertThrows(CorpusException.class, () -> format.read(files));
      assertTrue(e.getMessage().startsWith(files.get(0) + ":6:"), e.getMessage());
      assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    } else {
      Corpus c = format.read(files);
      assertEquals(PAIRS, c.pairs());
      assertEquals(List.of(files.get(0) + ":" + format.line(1) + ": invalid UTF-8"),
          c.problems().stream().map(Object::toString).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void veryLongLinesAreReportedNotLoaded(Format format) throws Exception {
    String huge = "x".repeat(Math.max(LineReader.MAX_LINE_BYTES, TmxReader.MAX_SEGMENT_CHARS) + 1);
    List<SentencePair> pairs = List.of(PAIRS.get(0), new SentencePair(huge, "tanti"), PAIRS.get(1));
    List<Path> files = write(format, pairs, false, "\n");
    Corpus c = format.read(files);
    assertEquals(PAIRS, c.pairs());
    assertEquals(1, c.problems().size());
    String reason = format == Format.TMX ? "segment longer than 1048576 characters" : "line longer than 1048576 bytes";
    assertEquals(files.get(0) + ":" + format.line(1) + ": " + reason, c.problems().get(0).toString());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aNulByteStopsTheReadWithFileAndLine(Format format) throws Exception {
    List<SentencePair> pairs = List.of(PAIRS.get(0), new SentencePair("t\u0000hree", "tre"), PAIRS.get(1));
    List<Path> files = write(format, pairs, false, "\n");
    CorpusException e = assertThrows(CorpusException.class, () -> format.read(files));
    assertTrue(e.getMessage().startsWith(files.get(0) + ":" + format.line(1) + ":"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = "TMX")
  void aWholeFileOnOneLineIsFine(Format format) throws Exception {
    List<SentencePair> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(new SentencePair("s" + i, "t" + i));
    }
    List<Path> files = write(format, many, false, " ");
    assertEquals(many, format.read(files).pairs());
  }
}

package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusBuilder;
import dev.attento.seq2seq.data.CorpusProblem;
import dev.attento.seq2seq.data.CorpusReader;
import dev.attento.seq2seq.data.LineReader;
import dev.attento.seq2seq.data.Segments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs two texts keyed by reference, one verse a line, as the SWORD tool {@code diatheke -f
 * plain} prints a Bible: {@code Genesis 1:1: In the beginning God created the heaven and the
 * earth.} The verses of the source file are paired with the target file's verses of the same
 * reference ({@code Book C:V}), so versions that differ in layout, headings or missing verses
 * still pair correctly, which line-by-line alignment would not.
 *
 * <p>Every line that is not a verse is left out and counted: {@code diatheke} repeats a psalm's
 * title before each of its verses, and ends with the module's name in parentheses. Two kinds
 * of module markup are removed from the text, because they are not words of either language:
 * the paragraph sign {@code ¶} (the KJV marks paragraph starts with it) and Strong's numbers
 * such as {@code <H2416>} or {@code <G3588>} (left in some verses of the Reina-Valera 1909).
 */
public final class VerseReader {

  /** A verse line: optional indentation, the reference {@code Book C:V}, a colon, the text. */
  static final Pattern VERSE = Pattern.compile("^\\s*(\\S.*? \\d+:\\d+):(?:\\s(.*))?$");

  /** Markup of the SWORD modules that is not text: Strong's numbers and the paragraph sign. */
  private static final Pattern MARKUP = Pattern.compile("\\s*<[HG]\\d+[a-z]?>|¶\\s*");

  /** Why a source verse found no pair; counted, as headings are. */
  static final String NOT_IN_TARGET = "verse missing in the target";
  static final String NOT_IN_SOURCE = "verse missing in the source";
  static final String EMPTY_VERSE = "empty verse";
  static final String OTHER_LINE = "heading or other non-verse line";

  private final boolean strict;

  /** A reader; {@code strict} makes the first malformed line fatal. */
  public VerseReader(boolean strict) {
    this.strict = strict;
  }

  /**
   * Reads both files and pairs their verses by reference, in the source file's order.
   *
   * @throws dev.attento.seq2seq.data.CorpusException if a file is missing, or in strict mode at
   *     the first malformed line
   */
  public Corpus read(Path sourceFile, Path targetFile) {
    CorpusBuilder corpus = new CorpusBuilder(sourceFile, strict);
    Map<String, String> source = verses(sourceFile, corpus);
    Map<String, String> target = verses(targetFile, corpus);
    for (Map.Entry<String, String> verse : source.entrySet()) {
      String translation = target.get(verse.getKey());
      if (translation == null) {
        corpus.ignore(NOT_IN_TARGET);
      } else {
        corpus.addOrIgnore(verse.getValue(), translation, EMPTY_VERSE);
      }
    }
    target.keySet().stream().filter(r -> !source.containsKey(r)).forEach(r -> corpus.ignore(NOT_IN_SOURCE));
    return corpus.build();
  }

  /** The verses of one file by reference, in file order; other lines are counted in {@code corpus}. */
  private Map<String, String> verses(Path file, CorpusBuilder corpus) {
    Map<String, String> verses = new LinkedHashMap<>();
    try (LineReader lines = new LineReader(file)) {
      for (LineReader.Line l; (l = lines.next()) != null; ) {
        if (l.problem() != null) {
          corpus.problem(new CorpusProblem(file, l.number(), l.problem()));
        } else if (l.text().isBlank()) {
          corpus.blank();
        } else {
          Matcher m = VERSE.matcher(l.text());
          if (!m.matches()) {
            corpus.ignore(OTHER_LINE);
          } else if (verses.putIfAbsent(m.group(1), text(m.group(2))) != null) {
            corpus.problem(new CorpusProblem(file, l.number(), "repeated reference " + m.group(1)));
          }
        }
      }
    } catch (NoSuchFileException e) {
      throw CorpusReader.noSuchFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return verses;
  }

  /** A verse's text without module markup, on one line. */
  static String text(String raw) {
    return raw == null ? "" : Segments.oneLine(MARKUP.matcher(raw).replaceAll(""));
  }
}

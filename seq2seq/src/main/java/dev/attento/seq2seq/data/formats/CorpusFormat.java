package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The corpus formats Attento reads, and their detection from a file's first bytes (never its
 * name, which is often {@code .txt} or missing): .mo by its magic number, TMX by its
 * {@code <tmx>} root, .po by a first message keyword, TSV otherwise. Aligned files (one
 * sentence a line, two files) and verse files (two files keyed by reference) look like any
 * text and are only chosen explicitly.
 */
public enum CorpusFormat {
  /** {@code source<TAB>target} lines. */
  TSV,
  /** Two files with one sentence a line, line i of one translating line i of the other. */
  ALIGNED,
  /** A TMX translation memory. */
  TMX,
  /** A gettext .po catalogue. */
  PO,
  /** A compiled gettext .mo catalogue. */
  MO,
  /**
   * Two files of verses keyed by reference ({@code Genesis 1:1: text}, as {@code diatheke -f
   * plain} prints a Bible), paired by reference ({@link VerseReader}).
   */
  VERSES;

  /** Bytes looked at to detect a format. */
  static final int SNIFF_BYTES = 8192;

  /** The lower-case name used on the command line. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name} ({@code tsv}, {@code aligned}, {@code tmx}, {@code po},
   * {@code mo}, {@code verses}, in any case).
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static CorpusFormat named(String name) {
    for (CorpusFormat f : values()) {
      if (f.toString().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown corpus format '" + name + "'; known: "
        + Arrays.stream(values()).map(CorpusFormat::toString).collect(Collectors.joining(", ")));
  }

  /**
   * Reads {@code file} in this format.
   *
   * @throws IllegalArgumentException for {@link #ALIGNED} and {@link #VERSES}, which are two
   *     files ({@link #readPair})
   * @throws CorpusException if the file cannot be read as this format
   */
  public Corpus read(Path file, ReadOptions options) {
    return switch (this) {
      case TSV -> new CorpusReader(options.strict()).readTsv(file);
      case TMX -> new TmxReader(options).read(file);
      case PO -> new PoReader(options).read(file);
      case MO -> new MoReader(options).read(file);
      case ALIGNED, VERSES -> throw new IllegalArgumentException(
          "a corpus in format " + this + " is two files, a source and a target file");
    };
  }

  /** Whether a corpus in this format is two files, a source and a target file. */
  public boolean isTwoFiles() {
    return this == ALIGNED || this == VERSES;
  }

  /**
   * Reads a corpus of {@linkplain #isTwoFiles two files}: aligned line by line, or verses
   * paired by reference.
   *
   * @throws IllegalArgumentException for a format of one file
   * @throws CorpusException if the files cannot be read as this format
   */
  public Corpus readPair(Path sourceFile, Path targetFile, ReadOptions options) {
    return switch (this) {
      case ALIGNED -> new CorpusReader(options.strict()).readAligned(sourceFile, targetFile);
      case VERSES -> new VerseReader(options.strict()).read(sourceFile, targetFile);
      default -> throw new IllegalArgumentException("a corpus in format " + this + " is one file");
    };
  }

  /** Reads {@code file} in the format {@linkplain #detect detected} from its content. */
  public static Corpus readDetected(Path file, ReadOptions options) {
    return detect(file).read(file, options);
  }

  /**
   * The format of {@code file} judged by its content.
   *
   * @throws CorpusException if the file is missing, or is XML but not TMX (an XLIFF file,
   *     say), which no reader would make sense of
   */
  public static CorpusFormat detect(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (NoSuchFileException e) {
      throw CorpusReader.noSuchFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (head.length >= 4) {
      int magic = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
      if (magic == MoReader.MAGIC || Integer.reverseBytes(magic) == MoReader.MAGIC) {
        return MO;
      }
    }
    String text = text(head);
    if (text.startsWith("<?xml") || text.startsWith("<!") || text.startsWith("<tmx")) {
      if (text.contains("<tmx")) {
        return TMX;
      }
      throw new CorpusException(file + ": XML but not TMX (no <tmx> element in the first " + SNIFF_BYTES + " bytes)");
    }
    return firstStatement(text).matches("(msgctxt|msgid)[\\s\"].*") ? PO : TSV;
  }

  /**
   * The first bytes as text, enough to find ASCII markers: UTF-16 where a byte-order mark or
   * an XML declaration says so, otherwise ISO-8859-1, which maps every byte to a character
   * (so a cut UTF-8 sequence cannot fail). Without a UTF-8 BOM and leading white space.
   */
  private static String text(byte[] head) {
    Charset cs = StandardCharsets.ISO_8859_1;
    int b0 = head.length > 1 ? head[0] & 0xff : -1;
    int b1 = head.length > 1 ? head[1] & 0xff : -1;
    if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) {
      cs = StandardCharsets.UTF_16LE;
    } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') {
      cs = StandardCharsets.UTF_16BE;
    }
    String s = new String(head, cs);
    return s.replaceFirst("^(\uFEFF|\u00EF\u00BB\u00BF)?\\s*", "");
  }

  /** The first line that is not blank or a comment. */
  private static String firstStatement(String text) {
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return t;
      }
    }
    return "";
  }
}

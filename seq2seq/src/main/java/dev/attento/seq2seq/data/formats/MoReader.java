package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusBuilder;
import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.CorpusReader;
import dev.attento.seq2seq.data.Segments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads compiled gettext catalogues (.mo), in either byte order. The layout: a 28-byte header
 * (magic {@code 0x950412de}, revision, message count N, offsets of the original and the
 * translation tables, hash table size and offset), two tables of N (length, offset) pairs,
 * and NUL-terminated strings. An original is {@code context EOT msgid NUL msgid_plural}, a
 * translation {@code msgstr[0] NUL msgstr[1] ...}; the pair is the msgid and the first msgstr.
 *
 * <p>Every count, offset and length is checked against the file size before anything is
 * allocated, and all the strings together may not exceed the file (overlapping strings are
 * a way to make a small file expand), so a corrupt or hostile file is a {@link CorpusException}
 * saying what is wrong, never an out-of-memory error. The file is memory-mapped, not read
 * into the heap.
 */
public final class MoReader {

  /** The magic number as it reads in the file's own byte order. */
  static final int MAGIC = 0x950412de;

  /** Larger files are refused: real catalogues are a few megabytes. */
  static final long MAX_FILE_BYTES = 1L << 30;

  private static final int HEADER_BYTES = 28;

  private final ReadOptions options;

  /** A reader with {@code options}' strictness and target language. */
  public MoReader(ReadOptions options) {
    this.options = options;
  }

  /**
   * Reads the translated messages of a .mo file.
   *
   * @throws CorpusException if the file is missing or corrupt (naming what is wrong), or its
   *     header names an unusable charset or another language
   */
  public Corpus read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER_BYTES) {
        throw corrupt(file, "the file is " + size + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
      }
      if (size > MAX_FILE_BYTES) {
        throw corrupt(file, "the file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " accepted");
      }
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      return new Catalogue(file, map.order(byteOrder(file, map))).read();
    } catch (NoSuchFileException e) {
      throw CorpusReader.noSuchFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static ByteOrder byteOrder(Path file, ByteBuffer map) {
    int magic = map.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (magic == MAGIC) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    if (Integer.reverseBytes(magic) == MAGIC) {
      return ByteOrder.BIG_ENDIAN;
    }
    throw new CorpusException(file + ": not a .mo file (magic number " + String.format("0x%08x", magic)
        + ", expected 0x950412de in either byte order)");
  }

  static CorpusException corrupt(Path file, String what) {
    return new CorpusException(file + ": corrupt .mo file: " + what);
  }

  /** One validated reading of one file. */
  private final class Catalogue {
    private final Path file;
    private final ByteBuffer map;
    private final long size;
    private final int count;
    private final long originals;
    private final long translations;

    Catalogue(Path file, ByteBuffer map) {
      this.file = file;
      this.map = map;
      this.size = map.capacity();
      int revision = map.getInt(4);
      if (revision >>> 16 > 1) {
        throw corrupt(file, "unsupported revision " + (revision >>> 16) + "." + (revision & 0xffff) + " (0.x and 1.x are known)");
      }
      long n = Integer.toUnsignedLong(map.getInt(8));
      this.originals = table(map, 12, n, "original");
      this.translations = table(map, 16, n, "translation");
      this.count = (int) n; // each table entry is 8 bytes of a file of at most 1 GiB
    }

    /** The offset of a table of {@code n} entries, read at {@code at}, checked to lie in the file. */
    private long table(ByteBuffer map, int at, long n, String what) {
      long offset = Integer.toUnsignedLong(map.getInt(at));
      if (offset > size || n > (size - offset) / 8) {
        throw corrupt(file, "the " + what + " table of " + n + " messages at offset " + offset
            + " runs past the end of the " + size + "-byte file");
      }
      return offset;
    }

    Corpus read() {
      validateStrings();
      CatalogueHeader header = CatalogueHeader.NONE;
      CorpusBuilder corpus = new CorpusBuilder(file, options.strict());
      for (int i = 0; i < count; i++) {
        if (length(originals, i) == 0) {
          header = header(i);
        }
      }
      for (int i = 0; i < count; i++) {
        if (length(originals, i) > 0) {
          message(corpus, header.charset(), i);
        }
      }
      return corpus.build();
    }

    /** Every string in the file and NUL-terminated, all of them together no larger than the file. */
    private void validateStrings() {
      long total = 0;
      for (int i = 0; i < count; i++) {
        for (long table : new long[] {originals, translations}) {
          long length = length(table, i);
          long offset = Integer.toUnsignedLong(map.getInt((int) (table + 8L * i + 4)));
          String what = "message " + (i + 1) + "'s " + (table == originals ? "original" : "translation");
          if (offset + length >= size) {
            throw corrupt(file, what + " (" + length + " bytes at offset " + offset + ") runs past the end of the "
                + size + "-byte file");
          }
          if (map.get((int) (offset + length)) != 0) {
            throw corrupt(file, what + " at offset " + offset + " is not NUL-terminated");
          }
          total += length;
        }
      }
      if (total > size) {
        throw corrupt(file, "the strings add up to " + total + " bytes, more than the file holds (overlapping strings)");
      }
    }

    private long length(long table, int i) {
      return Integer.toUnsignedLong(map.getInt((int) (table + 8L * i)));
    }

    private byte[] bytes(long table, int i) {
      int length = (int) length(table, i);
      int offset = map.getInt((int) (table + 8L * i + 4));
      byte[] b = new byte[length];
      map.get(offset, b);
      return b;
    }

    private CatalogueHeader header(int i) {
      try {
        CatalogueHeader h = CatalogueHeader.parse(new String(bytes(translations, i), StandardCharsets.ISO_8859_1));
        h.requireLanguage(options.targetLanguage());
        return h;
      } catch (IllegalArgumentException e) {
        throw new CorpusException(file + ": " + e.getMessage());
      }
    }

    private void message(CorpusBuilder corpus, Charset charset, int i) {
      String original;
      String translation;
      try {
        original = decode(bytes(originals, i), charset);
        translation = decode(bytes(translations, i), charset);
      } catch (CharacterCodingException e) {
        corpus.problem(0, "message " + (i + 1) + ": invalid " + charset.name());
        return;
      }
      String msgid = first(original.substring(original.indexOf('\u0004') + 1));
      String msgstr = first(translation);
      if (msgstr.isEmpty()) {
        corpus.ignore("untranslated");
      } else {
        corpus.addOrIgnore(msgid, msgstr, "blank text");
      }
    }
  }

  /** The singular of a NUL-separated plural list. */
  private static String first(String forms) {
    int nul = forms.indexOf('\0');
    return nul < 0 ? forms : forms.substring(0, nul);
  }

  private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return Segments.strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
  }
}

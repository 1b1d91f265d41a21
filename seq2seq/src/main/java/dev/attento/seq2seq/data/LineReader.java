package dev.attento.seq2seq.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line as bytes and decodes each line as strict UTF-8, so that an
 * invalid byte sequence is reported on its own line instead of silently becoming U+FFFD or
 * failing the whole file. Handles a leading BOM, LF and CRLF line ends, and caps line length
 * so a file without newlines cannot exhaust memory: an over-long line is read past (never held)
 * and returned as a problem with its number.
 *
 * <p>A NUL byte never occurs in text in any encoding this reader decodes, so it means binary
 * data (an archive, a model, {@code /dev/zero}) or UTF-16 text: the read stops at the first one
 * with a {@link CorpusException} naming the file and line, instead of reading a file that may
 * never end as one endless over-long line.
 *
 * <p>Formats that declare their encoding inside the file (a gettext catalogue's header) switch
 * the decoder with {@link #charset} once they have read the declaration.
 */
public final class LineReader implements AutoCloseable {

  /** Lines longer than this (in bytes) are reported, not loaded. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /**
   * One line.
   *
   * @param number 1-based line number
   * @param text the decoded line without its line end, or null if undecodable or too long
   * @param problem why {@code text} is null, or null
   */
  public record Line(long number, String text, String problem) {}

  private final InputStream in;
  private final String name;
  private CharsetDecoder decoder = Segments.strictDecoder(StandardCharsets.UTF_8);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long number;
  private boolean tooLong;

  /** Opens a file; decoding starts as UTF-8. */
  public LineReader(Path file) throws IOException {
    this(Files.newInputStream(file), file.toString());
  }

  /**
   * Reads {@code in} (closed by {@link #close}); decoding starts as UTF-8.
   *
   * @param name what the stream is, first in error messages (a file name, "standard input")
   */
  public LineReader(InputStream in, String name) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.name = name;
  }

  /**
   * Decodes the following lines in {@code charset}, which must encode the line feed as the
   * single byte 0x0A (ASCII-compatible: UTF-8, ISO-8859-x, windows-125x, ...).
   */
  public void charset(Charset charset) {
    decoder = Segments.strictDecoder(charset);
  }

  /**
   * The next line, or {@code null} at the end of the file.
   *
   * @throws CorpusException at a NUL byte: the input is binary data or UTF-16, not text
   */
  public Line next() throws IOException {
    buffer.reset();
    tooLong = false;
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      if (b == '\n') {
        break;
      }
      if (b == 0) {
        throw new CorpusException(name + ":" + (number + 1) + ": a NUL byte: binary data or UTF-16, not a UTF-8 text file");
      }
      if (buffer.size() < MAX_LINE_BYTES) {
        buffer.write(b);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return null;
    }
    number++;
    return decode();
  }

  /**
   * The line {@link #next} returned last, decoded again in the current {@link #charset}: for
   * the line that ends an in-file charset declaration, read before the declaration was known.
   */
  public Line decodeAgain() {
    return decode();
  }

  private Line decode() {
    if (tooLong) {
      return new Line(number, null, "line longer than " + MAX_LINE_BYTES + " bytes");
    }
    byte[] bytes = buffer.toByteArray();
    int start = 0;
    int end = bytes.length;
    if (number == 1 && end >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    try {
      return new Line(number, decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "invalid " + decoder.charset().name());
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

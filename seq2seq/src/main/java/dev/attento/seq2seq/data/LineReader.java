package dev.attento.seq2seq.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line as bytes and decodes each line as strict UTF-8, so that an
 * invalid byte sequence is reported on its own line instead of silently becoming U+FFFD or
 * failing the whole file. Handles a leading BOM, LF and CRLF line ends, and caps line length
 * so a file without newlines cannot exhaust memory.
 */
final class LineReader implements AutoCloseable {

  /** Lines longer than this (in bytes) are reported, not loaded. */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** One line: its number, text (null if undecodable or too long) and the reason if so. */
  record Line(long number, String text, String problem) {}

  private final InputStream in;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long number;
  private boolean first = true;

  LineReader(Path file) throws IOException {
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The next line, or {@code null} at the end of the file. */
  Line next() throws IOException {
    buffer.reset();
    boolean tooLong = false;
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      if (b == '\n') {
        break;
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
    if (tooLong) {
      return new Line(number, null, "line longer than " + MAX_LINE_BYTES + " bytes");
    }
    byte[] bytes = buffer.toByteArray();
    int start = 0;
    int end = bytes.length;
    if (first && end >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    first = false;
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    try {
      return new Line(number, utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "invalid UTF-8");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

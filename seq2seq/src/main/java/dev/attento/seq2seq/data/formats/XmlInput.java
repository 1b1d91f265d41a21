package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.CorpusException;
import dev.attento.seq2seq.data.Segments;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML file decoded by us rather than by the JDK's parser, which on an invalid byte prints
 * {@code [Fatal Error] :-1:-1: ...} to standard error behind our back (a JDK quirk) and loses
 * the position. The charset is chosen as the XML specification's appendix F says (byte-order
 * mark, UTF-16 without one, the declaration's {@code encoding}, else UTF-8); decoding is
 * strict, and the line and column reached are kept so an invalid byte can be reported where
 * it is: unlike {@link java.io.InputStreamReader}, which drops the characters decoded before
 * an error, this reader delivers them first and fails on the next read.
 */
final class XmlInput extends Reader {

  private static final int HEAD = 1024;
  private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
  private final CharBuffer chars = CharBuffer.allocate(1 << 13).flip();
  private boolean eof;
  private boolean flushed;
  private CharacterCodingException pending;
  private long line = 1;
  private long column = 1;

  private XmlInput(InputStream in, Charset charset) {
    this.in = in;
    this.charset = charset;
    this.decoder = Segments.strictDecoder(charset);
  }

  /**
   * Opens {@code file}, positioned after any byte-order mark.
   *
   * @throws CorpusException if the declared encoding is unknown
   */
  static XmlInput open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      raw.mark(HEAD);
      byte[] head = raw.readNBytes(HEAD);
      raw.reset();
      int b0 = head.length > 0 ? head[0] & 0xff : -1;
      int b1 = head.length > 1 ? head[1] & 0xff : -1;
      if (b0 == 0xEF && b1 == 0xBB && head.length > 2 && (head[2] & 0xff) == 0xBF) {
        raw.skipNBytes(3);
        return new XmlInput(raw, StandardCharsets.UTF_8);
      }
      if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) {
        raw.skipNBytes(b0 == 0xFF ? 2 : 0);
        return new XmlInput(raw, StandardCharsets.UTF_16LE);
      }
      if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') {
        raw.skipNBytes(b0 == 0xFE ? 2 : 0);
        return new XmlInput(raw, StandardCharsets.UTF_16BE);
      }
      return new XmlInput(raw, declared(file, new String(head, StandardCharsets.ISO_8859_1)));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static Charset declared(Path file, String head) {
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    try {
      Charset cs = Charset.forName(m.group(1));
      if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
        return StandardCharsets.UTF_8; // declared so but written without a byte-order mark or '<' pattern: not so
      }
      return cs;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new CorpusException(file + ":1: unknown encoding '" + m.group(1) + "' in the XML declaration");
    }
  }

  /** The charset the file is decoded in. */
  Charset charset() {
    return charset;
  }

  /** The line of the next character to be read (1-based). */
  long line() {
    return line;
  }

  /** The column of the next character to be read (1-based). */
  long column() {
    return column;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !decodeMore()) {
      return -1;
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    for (int i = off; i < off + n; i++) {
      if (buf[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return n;
  }

  /**
   * Decodes more characters; false at the end of the file.
   *
   * @throws CharacterCodingException once every character before an invalid byte is delivered
   */
  private boolean decodeMore() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    try {
      while (chars.position() == 0 && pending == null) {
        CoderResult r = decoder.decode(bytes, chars, eof);
        if (r.isError()) {
          try {
            r.throwException();
          } catch (CharacterCodingException e) {
            pending = e;
          }
        } else if (eof) {
          decoder.flush(chars);
          flushed = true;
          break;
        } else if (r.isUnderflow()) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          eof = n < 0;
          bytes.position(bytes.position() + Math.max(n, 0)).flip();
        }
      }
    } finally {
      chars.flip();
    }
    if (chars.hasRemaining()) {
      return true;
    }
    if (pending != null) {
      throw pending;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.attento.seq2seq.data.formats;

import dev.attento.seq2seq.data.Segments;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/**
 * The quoted strings of a .po file: {@code "a" "b"} on one line concatenated, with gettext's C
 * escapes ({@code \n \t \r \" \\ \a \b \f \v}, octal {@code \ooo}, hex {@code \xhh}). Octal and
 * hex escapes are bytes in the catalogue's charset, so {@code \303\251} is é in a UTF-8
 * catalogue: they are collected as bytes and decoded together.
 */
final class PoStrings {

  /** A malformed string; the message says what is wrong. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final Charset charset;
  private final StringBuilder out = new StringBuilder();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private String text;
  private int pos;

  private PoStrings(Charset charset) {
    this.charset = charset;
  }

  /**
   * The value of the quoted strings that make up {@code text} (at least one).
   *
   * @throws Malformed if {@code text} is not a sequence of well-formed quoted strings
   */
  static String parse(String text, Charset charset) throws Malformed {
    return new PoStrings(charset).strings(text);
  }

  private String strings(String t) throws Malformed {
    text = t;
    boolean any = false;
    while (true) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos == text.length()) {
        break;
      }
      if (text.charAt(pos) != '"') {
        throw new Malformed(any ? "text after the closing quote" : "expected a quoted string");
      }
      pos++;
      quoted();
      any = true;
    }
    if (!any) {
      throw new Malformed("expected a quoted string");
    }
    return out.toString();
  }

  private void quoted() throws Malformed {
    while (true) {
      char c = next();
      if (c == '"') {
        flushBytes();
        return;
      }
      if (c != '\\') {
        flushBytes();
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'n' -> append('\n');
        case 't' -> append('\t');
        case 'r' -> append('\r');
        case 'a' -> append('\u0007');
        case 'b' -> append('\b');
        case 'f' -> append('\f');
        case 'v' -> append('\u000B');
        case '"', '\\' -> append(e);
        case 'x' -> bytes.write(number(16, Integer.MAX_VALUE, "hex"));
        default -> {
          if (e >= '0' && e <= '7') {
            pos--;
            bytes.write(number(8, 3, "octal"));
          } else {
            throw new Malformed("invalid escape sequence \\" + e);
          }
        }
      }
    }
  }

  private char next() throws Malformed {
    if (pos >= text.length()) {
      throw new Malformed("unterminated string");
    }
    return text.charAt(pos++);
  }

  private void append(char c) throws Malformed {
    flushBytes();
    out.append(c);
  }

  /** The byte value of up to {@code maxDigits} digits in {@code radix} (at least one). */
  private int number(int radix, int maxDigits, String kind) throws Malformed {
    int value = 0;
    int digits = 0;
    while (digits < maxDigits && pos < text.length() && Character.digit(text.charAt(pos), radix) >= 0
        && text.charAt(pos) < 128) {
      value = value * radix + Character.digit(text.charAt(pos++), radix);
      digits++;
      if (value > 0xFF) {
        throw new Malformed(kind + " escape larger than a byte");
      }
    }
    if (digits == 0) {
      throw new Malformed(kind + " escape without digits");
    }
    return value;
  }

  private void flushBytes() throws Malformed {
    if (bytes.size() == 0) {
      return;
    }
    try {
      out.append(Segments.strictDecoder(charset).decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw new Malformed("escaped bytes are not valid " + charset.name());
    }
    bytes.reset();
  }
}

package dev.attento.core.text;

/**
 * Text made safe to print on a terminal: a message that echoes a user's file name, config key,
 * keyword or corpus line must not let that text drive the terminal, break the line or hide
 * what it says. A keyword {@code ESC]0;PWNED BEL} would otherwise retitle the window,
 * {@code ESC[2J} clear the screen, a carriage return or line break forge a second,
 * innocent-looking line, a right-to-left override make {@code x\u202Etxt.exe} look like
 * {@code xexe.txt}, a zero-width space make two different keys look alike.
 *
 * <p>This is the one escaper of Attento: the config's messages (seq2seq {@code Printable},
 * which also cuts long values and adds quotes) and the command line's error handler both use
 * it. {@link #escape} writes these characters as Java escapes and leaves every other character
 * (accents, CJK, emoji) as it is:
 * <ul>
 *   <li>tab, line feed and carriage return as {@code \t}, {@code \n}, {@code \r};
 *   <li>every other control character (C0 U+0000–U+001F, ESC = <code>&#92;u001b</code>,
 *       BEL = <code>&#92;u0007</code>; DEL U+007F; C1 U+0080–U+009F, which some terminals take
 *       as CSI and friends) as <code>&#92;uXXXX</code>;
 *   <li>format characters (Unicode category Cf: the bidirectional controls U+061C, U+200E,
 *       U+200F, U+202A–U+202E, U+2066–U+2069, which reorder what is shown; the zero-width
 *       space U+200B; the byte-order mark U+FEFF), the line and paragraph separators
 *       (U+2028, U+2029), unassigned code points and unpaired surrogates, as
 *       <code>&#92;uXXXX</code> too (a code point above U+FFFF as its two UTF-16 halves).
 * </ul>
 * The zero-width non-joiner and joiner (U+200C, U+200D) are format characters too but are
 * left alone: they are part of how Persian and Indic words and emoji sequences are spelled,
 * and an echoed corpus line in those scripts must stay readable.
 *
 * <p>A backslash is left alone, which makes escaping idempotent: a message built from
 * already-escaped parts (a config error passing through the command line's error handler) is
 * not escaped twice. The price is that the escaping is for reading, not for parsing back: a
 * message's <code>&#92;u001b</code> can be an escaped ESC or those six characters in the input.
 */
public final class TerminalText {

  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;

  private TerminalText() {}

  /** {@code text} with the characters listed above escaped; {@code null} stays {@code null}. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** Each line of {@code text} escaped, the line breaks between them and tabs kept (a stack trace's indentation). */
  public static String escapeLines(String text) {
    String[] lines = text.split("\r?\n", -1);
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      b.append(i == 0 ? "" : System.lineSeparator()).append(escape(lines[i], true));
    }
    return b.toString();
  }

  /** Whether {@link #escape} changes code point {@code cp}. */
  public static boolean isEscaped(int cp) {
    if (cp == ZWNJ || cp == ZWJ) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
  }

  private static String escape(String text, boolean keepTabs) {
    if (text == null || text.codePoints().noneMatch(c -> isEscaped(c) && !(keepTabs && c == '\t'))) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\t' -> b.append(keepTabs ? "\t" : "\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (!isEscaped(cp)) {
            b.appendCodePoint(cp);
          } else {
            for (char unit : Character.toChars(cp)) {
              b.append(String.format("\\u%04x", (int) unit));
            }
          }
        }
      }
    }
    return b.toString();
  }
}

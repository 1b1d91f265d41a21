package dev.attento.cli.text;

/**
 * Text made safe to print on a terminal: an error message that echoes a user's file name,
 * keyword or corpus line must not let that text drive the terminal. A keyword
 * {@code ESC]0;PWNED BEL} would otherwise retitle the window, {@code ESC[2J} clear the screen,
 * a carriage return or line break forge a second, innocent-looking line.
 *
 * <p>{@link #escape} writes these characters as Java escapes and leaves every other character
 * (accents, CJK, emoji) as it is:
 * <ul>
 *   <li>tab, line feed and carriage return as {@code \t}, {@code \n}, {@code \r};
 *   <li>every other C0 control (U+0000–U+001F, ESC = <code>&#92;u001b</code>, BEL = <code>&#92;u0007</code>),
 *       DEL (U+007F) and C1 control (U+0080–U+009F, which some terminals take as CSI and friends)
 *       as <code>&#92;uXXXX</code>;
 *   <li>the line and paragraph separators (U+2028, U+2029) and the bidirectional controls
 *       (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which reorder what is shown,
 *       as <code>&#92;uXXXX</code> too.
 * </ul>
 * A backslash is left alone, so the escaping is for reading, not for parsing back: a message's
 * <code>&#92;u001b</code> can be an escaped ESC or those six characters in the input.
 */
public final class TerminalText {

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

  private static String escape(String text, boolean keepTabs) {
    if (text == null || text.chars().noneMatch(c -> unsafe(c) && !(keepTabs && c == '\t'))) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> b.append(keepTabs ? "\t" : "\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (unsafe(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }
}

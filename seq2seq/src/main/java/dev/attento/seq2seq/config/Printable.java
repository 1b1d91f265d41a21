package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shows user-supplied text (a key, a value, a file name) inside a one-line error message:
 * control, format and line-separator characters are escaped, so a value cannot break the
 * line, move the cursor or reorder the text around it, and long values are shortened.
 */
public final class Printable {

  /** Code points shown before a value is cut short. */
  static final int MAX_SHOWN = 80;

  private Printable() {}

  /** {@code text} escaped, without quotes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (shown++ == MAX_SHOWN) {
        out.append('…');
        break;
      }
      switch (cp) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (needsEscape(cp)) {
            out.append(String.format("\\u%04x", cp)); // as TerminalText in the cli writes them
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code text} escaped and in double quotes (an embedded quote is escaped too). */
  public static String quote(String text) {
    return "\"" + escape(text).replace("\"", "\\\"") + "\"";
  }

  /** A tree value as the user wrote it: strings quoted, containers as compact JSON. */
  public static String of(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(nothing)";
    }
    return node.isTextual() ? quote(node.textValue()) : escape(node.toString());
  }

  private static boolean needsEscape(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
  }
}

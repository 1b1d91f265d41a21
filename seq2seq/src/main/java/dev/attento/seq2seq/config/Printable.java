package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attento.core.text.TerminalText;

/**
 * Shows user-supplied text (a key, a value, a file name) inside a one-line error message:
 * escaped by the one escaper, {@link TerminalText} (control, format and line-separator
 * characters as {@code \n} or <code>&#92;uXXXX</code>, so a value cannot break the line, move the
 * cursor or reorder the text around it), and, what belongs to a config message only, cut
 * after {@value #MAX_SHOWN} code points and quoted.
 */
public final class Printable {

  /** Code points shown before a value is cut short. */
  static final int MAX_SHOWN = 80;

  private Printable() {}

  /** {@code text} cut after {@link #MAX_SHOWN} code points (marked {@code …}) and escaped, without quotes. */
  public static String escape(String text) {
    if (text.codePointCount(0, text.length()) > MAX_SHOWN) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN)) + "…";
    }
    return TerminalText.escape(text);
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
}

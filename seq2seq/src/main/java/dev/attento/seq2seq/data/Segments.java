package dev.attento.seq2seq.data;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Text of a sentence as Attento keeps it: one line, single spaces. Translation memories and
 * message catalogues hold multi-line segments with tabs and control characters; a pair must
 * fit on one TSV line, and tokenizers see no difference between one space and several.
 */
public final class Segments {

  private Segments() {}

  /**
   * {@code text} with every run of white space and control characters (tab, CR, LF, NUL, ...)
   * replaced by one space, stripped at both ends; empty if nothing else is left.
   */
  public static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A decoder that fails on bytes that are not valid in {@code charset}: corpora report such
   * text instead of silently turning it into U+FFFD.
   */
  public static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}

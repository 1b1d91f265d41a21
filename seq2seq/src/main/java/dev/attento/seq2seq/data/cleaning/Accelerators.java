package dev.attento.seq2seq.data.cleaning;

import java.util.regex.Pattern;

/**
 * Removes keyboard-accelerator markers from user-interface strings: {@code ~Open} (LibreOffice),
 * {@code _File} (GTK), {@code &Save} (Qt, Windows), and the {@code (&F)} suffix East Asian
 * translations add. A doubled marker is the toolkits' escape for the literal character
 * ({@code &&} shows as {@code &}) and becomes one. The marker sits inside words
 * ({@code Op&en}), so it would otherwise split them into tokens a translator must learn to
 * place in both languages; but {@code _} and {@code &} also occur in ordinary text, so a
 * marker is removed only when it is the string's single one before a letter or digit, and
 * {@code &amp;}-style entities are left alone.
 */
public final class Accelerators {

  private static final String MARKERS = "~_&";
  private static final Pattern SUFFIX = Pattern.compile("\\s*\\([~_&][\\p{L}\\p{N}]\\)");
  private static final Pattern ENTITY = Pattern.compile("&(?:#\\d+|#x\\p{XDigit}+|\\p{Alpha}\\w*);");

  private Accelerators() {}

  /** {@code text} without its accelerator markers. */
  public static String strip(String text) {
    String s = SUFFIX.matcher(text).replaceAll("");
    for (char marker : MARKERS.toCharArray()) {
      s = strip(s, marker);
    }
    return s;
  }

  private static String strip(String s, char marker) {
    if (s.indexOf(marker) < 0) {
      return s;
    }
    boolean single = singleMarkers(s, marker) == 1;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != marker) {
        out.append(c);
      } else if (i + 1 < s.length() && s.charAt(i + 1) == marker) {
        out.append(c); // an escaped literal: keep one
        i++;
      } else if (!single || !isMarker(s, i)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** How many undoubled markers stand before a letter or digit. */
  private static int singleMarkers(String s, char marker) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == marker && i + 1 < s.length() && s.charAt(i + 1) == marker) {
        i++;
      } else if (s.charAt(i) == marker && isMarker(s, i)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isMarker(String s, int i) {
    return i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))
        && !(s.charAt(i) == '&' && ENTITY.matcher(s).region(i, s.length()).lookingAt());
  }
}

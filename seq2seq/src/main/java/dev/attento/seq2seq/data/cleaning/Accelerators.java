package dev.attento.seq2seq.data.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes keyboard-accelerator markers from user-interface strings: {@code ~Open} (LibreOffice),
 * {@code _File} (GTK), {@code &Save} (Qt, Windows), and the {@code (&F)} suffix East Asian
 * translations add. A doubled marker is the toolkits' escape for the literal character
 * ({@code &&} shows as {@code &}) and becomes one. The marker sits inside words
 * ({@code Op&en}), so it would otherwise split them into tokens a translator must learn to
 * place in both languages; but {@code _} and {@code &} also occur in ordinary text, so a
 * marker is removed only when it is the string's single one before a letter or digit, and
 * {@code &amp;}-style entities are left alone. A marker that opens a word closed by the same
 * character ({@code _underline_}, emphasis in autocorrect examples) is text, not a marker.
 *
 * <p>Which characters a corpus uses as markers depends on its toolkit: LibreOffice uses
 * {@code ~} and {@code _}, and there {@code Date&Time} is plain text. {@link #usedMarkers}
 * tells from the pairs themselves: translators keep the accelerator, so a character is a marker
 * where the pairs whose source has one mostly have one in the translation too.
 */
public final class Accelerators {

  private static final String MARKERS = "~_&";
  private static final Pattern SUFFIX = Pattern.compile("\\s*\\([~_&][\\p{L}\\p{N}]\\)");
  private static final Pattern ENTITY = Pattern.compile("&(?:#\\d+|#x\\p{XDigit}+|\\p{Alpha}\\w*);");

  private Accelerators() {}

  /** {@code text} without its accelerator markers, any of {@code ~ _ &}. */
  public static String strip(String text) {
    return strip(text, MARKERS);
  }

  /** {@code text} without the accelerator markers among {@code markers} (and without a {@code (&F)} suffix). */
  public static String strip(String text, String markers) {
    String s = SUFFIX.matcher(text).replaceAll("");
    for (char marker : markers.toCharArray()) {
      s = strip(s, marker);
    }
    return s;
  }

  /** Whether {@code text} has an accelerator marker {@code marker} that {@link #strip} would remove. */
  public static boolean hasMarker(String text, char marker) {
    return text.indexOf(marker) >= 0 && singleMarkers(text, marker) == 1;
  }

  /**
   * How a corpus uses each marker character.
   *
   * @param marker the character
   * @param sources pairs whose source has it as a marker
   * @param both those whose target has one too
   */
  public record Usage(char marker, int sources, int both) {

    /** Used as a marker: in at least half of the pairs whose source has one, the target has one too. */
    public boolean used() {
      return sources > 0 && 2 * both >= sources;
    }
  }

  /** For each of {@code ~ _ &}, how the source/target pairs given use it. */
  public static List<Usage> usage(List<String[]> pairs) {
    List<Usage> out = new ArrayList<>();
    for (char m : MARKERS.toCharArray()) {
      int sources = 0;
      int both = 0;
      for (String[] p : pairs) {
        if (hasMarker(p[0], m)) {
          sources++;
          if (hasMarker(p[1], m)) {
            both++;
          }
        }
      }
      out.add(new Usage(m, sources, both));
    }
    return out;
  }

  /** The marker characters that {@code usage} shows in use, e.g. {@code "~_"}. */
  public static String usedMarkers(List<Usage> usage) {
    StringBuilder sb = new StringBuilder();
    for (Usage u : usage) {
      if (u.used()) {
        sb.append(u.marker());
      }
    }
    return sb.toString();
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
        && !(s.charAt(i) == '&' && ENTITY.matcher(s).region(i, s.length()).lookingAt())
        && !closesWord(s, i);
  }

  /** Whether the word after the marker at {@code i} ends with the same character ({@code _underline_}). */
  private static boolean closesWord(String s, int i) {
    int j = i + 1;
    while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
      j++;
    }
    return j < s.length() && s.charAt(j) == s.charAt(i) && (j + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(j + 1)));
  }
}

package dev.attento.seq2seq.data.formats;

import java.util.Locale;

/**
 * Matching of language tags as files write them: {@code en-US}, {@code EN-us}, {@code pt_BR},
 * {@code sr@latin}, {@code de_DE.UTF-8}. A wanted tag matches the same tag in any case and
 * spelling, and a primary language alone ({@code en}) matches every regional variant
 * ({@code en-GB}), because users name languages, translation memories name locales.
 */
final class LanguageTags {

  private LanguageTags() {}

  /** Lower case, hyphens for underscores, without a gettext {@code .charset} or {@code @modifier}. */
  static String normalize(String tag) {
    String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    int cut = t.length();
    for (char c : new char[] {'.', '@'}) {
      int i = t.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return t.substring(0, cut);
  }

  /** Whether a file's {@code actual} tag is the {@code wanted} language. */
  static boolean matches(String wanted, String actual) {
    String w = normalize(wanted);
    String a = normalize(actual);
    return !w.isEmpty() && (a.equals(w) || a.startsWith(w + "-"));
  }
}

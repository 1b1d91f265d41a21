package dev.attento.seq2seq.data.formats;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * What the header entry of a gettext catalogue (.po or .mo; the message with an empty
 * msgid) says about the rest: the charset of every other string ({@code Content-Type: text/plain;
 * charset=...}) and the language translated into ({@code Language: it}).
 *
 * @param charset how the catalogue's strings are encoded; UTF-8 when the header does not say
 * @param language the target language, or null if the header does not say
 */
record CatalogueHeader(Charset charset, String language) {

  /** A catalogue without a header: UTF-8, language unknown. */
  static final CatalogueHeader NONE = new CatalogueHeader(StandardCharsets.UTF_8, null);

  /** Bytes that gettext's formats take to be ASCII: separators, quotes, escapes. */
  private static final String STRUCTURAL = "\n\"\\#msgid[]0\u0000\u0004";

  /**
   * Reads a header's text ({@code Key: value} lines).
   *
   * @throws IllegalArgumentException naming an unknown charset, or one in which gettext's
   *     separators are not single ASCII bytes (UTF-16): the message says what to do
   */
  static CatalogueHeader parse(String text) {
    Charset charset = StandardCharsets.UTF_8;
    String language = null;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (key.equalsIgnoreCase("Content-Type")) {
        int at = value.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
          charset = charset(value.substring(at + "charset=".length()).split("[;\\s]", 2)[0]);
        }
      } else if (key.equalsIgnoreCase("Language") && !value.isEmpty()) {
        language = value;
      }
    }
    return new CatalogueHeader(charset, language);
  }

  private static Charset charset(String name) {
    if (name.isEmpty() || name.equals("CHARSET")) { // a template's placeholder
      return StandardCharsets.UTF_8;
    }
    Charset cs;
    try {
      cs = Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("unknown charset '" + name + "' in the header");
    }
    if (!cs.canEncode() || !Arrays.equals(STRUCTURAL.getBytes(cs), STRUCTURAL.getBytes(StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException("charset " + cs.name() + " is not ASCII-compatible; convert the catalogue "
          + "to UTF-8 first (msgconv --to-code=UTF-8)");
    }
    return cs;
  }

  /**
   * Checks that the catalogue translates into {@code wanted} (if both are known), so a
   * German catalogue among Italian ones is not imported as Italian. Either may be the more
   * specific: {@code it} and {@code it_IT} are taken to agree.
   *
   * @throws IllegalArgumentException if the languages differ
   */
  void requireLanguage(String wanted) {
    if (wanted != null && language != null && !LanguageTags.matches(wanted, language)
        && !LanguageTags.matches(language, wanted)) {
      throw new IllegalArgumentException("the catalogue translates into '" + language + "' (its Language header), not '"
          + wanted + "'");
    }
  }
}

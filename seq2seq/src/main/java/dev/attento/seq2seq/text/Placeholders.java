package dev.attento.seq2seq.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders of software messages, which a translator copies rather than translates:
 * {@code %1}, {@code %s}, {@code %COLUMNNUMBER}, {@code %PRODUCTNAME%}, {@code $(ARG1)},
 * {@code {0}}, and printf conversions with flags, width, precision or position
 * ({@code %-5d}, {@code %.2f}, {@code %1$s}).
 */
public final class Placeholders {

  /** Placeholders the word tokenizer keeps whole (its tokens, unchanged so saved models tokenize alike). */
  static final String TOKEN = "\\$\\([A-Za-z0-9_]+\\)|%[A-Za-z0-9_]+%?|\\{[A-Za-z0-9_]+\\}";

  /** printf conversions: positional ({@code %1$s}), or with flags, width or precision, not followed by more word characters. */
  private static final String PRINTF = "%\\d+\\$[-+ #0']*\\d*(?:\\.\\d+)?[hlLqjzt]*[A-Za-z@]"
      + "|%[-+ #0']*\\d*(?:\\.\\d+)?[hlLqjzt]*[diouxXeEfFgGaAcCsSpn@](?![A-Za-z0-9_])";

  private static final Pattern ANY = Pattern.compile(PRINTF + "|" + TOKEN + "|%%");

  private Placeholders() {}

  /**
   * Whether {@code text} holds at least one placeholder and, besides them, no letter or digit:
   * {@code "%s"}, {@code "{0}: %1"}, {@code "$(ARG1)"}. Such a message teaches a translator
   * nothing but to copy.
   */
  public static boolean onlyPlaceholders(String text) {
    Matcher m = ANY.matcher(text);
    if (!m.find()) {
      return false;
    }
    String rest = m.reset().replaceAll(" ");
    return rest.codePoints().noneMatch(Character::isLetterOrDigit);
  }
}

package dev.attento.seq2seq.eval;

import java.util.regex.Pattern;

/**
 * The "13a" tokenizer of mteval-v13a.pl as sacreBLEU implements it ({@code tokenizer_13a.py}):
 * unescape a few XML entities, split off punctuation, and split periods and commas unless
 * they sit between digits. BLEU scores are only comparable under the same tokenizer, so
 * this must match sacreBLEU character for character.
 */
final class Tokenizer13a {

  private static final Pattern PUNCTUATION = Pattern.compile("([\\{-\\~\\[-\\`\\x20-\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
  private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

  private Tokenizer13a() {}

  /** The tokenized line, tokens separated by single spaces. */
  static String tokenize(String text) {
    String line = text.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    line = " " + line + " ";
    line = PUNCTUATION.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return SPACES.matcher(line.strip()).replaceAll(" ");
  }
}

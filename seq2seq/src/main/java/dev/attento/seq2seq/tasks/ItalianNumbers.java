package dev.attento.seq2seq.tasks;

/**
 * Spells numbers 0–999,999 in Italian, which writes a number as one word with vowel
 * elision at the joins: {@code venti + uno → ventuno}, {@code trenta + otto → trentotto},
 * {@code cento + ottanta → centottanta}; a final {@code tre} in a compound takes an accent
 * ({@code ventitré}, {@code centotré}); thousands are {@code mille} / {@code duemila}.
 */
final class ItalianNumbers {

  private static final String[] UNITS = {"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto",
      "nove", "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto",
      "diciannove"};
  private static final String[] TENS = {"", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta",
      "ottanta", "novanta"};

  private ItalianNumbers() {}

  static String spell(int n) {
    if (n < 0 || n > 999_999) {
      throw new IllegalArgumentException("number out of range: " + n);
    }
    if (n == 0) {
      return "zero";
    }
    String word = below1000(n / 1000, true) + below1000(n % 1000, false);
    return word.endsWith("tre") && !word.equals("tre") ? word.substring(0, word.length() - 3) + "tré" : word;
  }

  /** 1–999 (empty for 0); as a count of thousands it gives mille / …mila. */
  private static String below1000(int n, boolean thousands) {
    if (n == 0) {
      return "";
    }
    if (thousands) {
      return n == 1 ? "mille" : join(below1000(n, false), "mila");
    }
    int h = n / 100;
    int rest = n % 100;
    String hundreds = h == 0 ? "" : h == 1 ? "cento" : UNITS[h] + "cento";
    return join(hundreds, below100(rest));
  }

  private static String below100(int n) {
    if (n == 0) {
      return "";
    }
    if (n < 20) {
      return UNITS[n];
    }
    String tens = TENS[n / 10];
    return n % 10 == 0 ? tens : join(tens, UNITS[n % 10]);
  }

  /** Joins two parts, dropping the first's final vowel before "uno"/"otto" (and "ottanta"). */
  private static String join(String left, String right) {
    if (left.isEmpty()) {
      return right;
    }
    if (right.isEmpty()) {
      return left;
    }
    boolean tens = left.endsWith("a") || left.endsWith("i"); // venti, trenta … novanta
    boolean elide = (right.startsWith("uno") || right.startsWith("otto")) && tens
        || left.endsWith("cento") && right.startsWith("ott");
    // "cento" + "uno" stays "centouno" (both forms exist; the unelided one is more common).
    if (left.endsWith("cento") && right.startsWith("uno")) {
      elide = false;
    }
    return (elide ? left.substring(0, left.length() - 1) : left) + right;
  }
}

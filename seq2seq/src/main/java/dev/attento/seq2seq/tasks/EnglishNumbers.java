package dev.attento.seq2seq.tasks;

/** Spells numbers 0–999,999 in English words: "three hundred forty-two", "twenty-one thousand". */
final class EnglishNumbers {

  private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};

  private EnglishNumbers() {}

  static String spell(int n) {
    if (n < 0 || n > 999_999) {
      throw new IllegalArgumentException("number out of range: " + n);
    }
    if (n == 0) {
      return "zero";
    }
    String thousands = n >= 1000 ? below1000(n / 1000) + " thousand" : "";
    String rest = below1000(n % 1000);
    return (thousands + " " + rest).trim();
  }

  private static String below1000(int n) {
    if (n == 0) {
      return "";
    }
    String hundreds = n >= 100 ? UNITS[n / 100] + " hundred" : "";
    int r = n % 100;
    String tail = r == 0 ? "" : r < 20 ? UNITS[r] : TENS[r / 10] + (r % 10 == 0 ? "" : "-" + UNITS[r % 10]);
    return (hundreds + " " + tail).trim();
  }
}

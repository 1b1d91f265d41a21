package dev.attento.seq2seq.data.cleaning;

/**
 * What {@link Cleaner} does to a corpus. Lengths are in tokens of the tokenizer the cleaner
 * is given.
 *
 * @param stripAccelerators remove UI accelerator markers ({@link Accelerators}) first
 * @param dropPlaceholderOnly drop pairs with a side made of placeholders only ({@code %s})
 * @param dedupe drop repeats of an identical pair (the first is kept)
 * @param dropIdentical drop pairs whose sides are equal (untranslated copies, names, numbers)
 * @param minLength drop pairs with a side shorter than this
 * @param maxLength drop pairs with a side longer than this; 0 for no limit
 * @param maxRatio drop pairs whose longer side has more than this many times the tokens of
 *     the shorter one (a sign of misalignment); 0 for no limit
 */
public record CleaningOptions(boolean stripAccelerators, boolean dropPlaceholderOnly, boolean dedupe,
                              boolean dropIdentical, int minLength, int maxLength, double maxRatio) {

  /** Checks the limits. */
  public CleaningOptions {
    if (minLength < 0 || maxLength < 0 || maxLength > 0 && maxLength < minLength) {
      throw new IllegalArgumentException("lengths must satisfy 0 <= min <= max (max 0: no limit), got min " + minLength
          + ", max " + maxLength);
    }
    if (!(maxRatio == 0 || maxRatio >= 1)) {
      throw new IllegalArgumentException("the length ratio limit must be at least 1 (0: no limit), got " + maxRatio);
    }
  }

  /** Nothing removed or changed. */
  public static CleaningOptions none() {
    return new CleaningOptions(false, false, false, false, 0, 0, 0);
  }
}

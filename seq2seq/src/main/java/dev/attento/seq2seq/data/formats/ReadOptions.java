package dev.attento.seq2seq.data.formats;

/**
 * How to read a corpus file, whatever its format.
 *
 * @param strict the first malformed line or entry is an error instead of being skipped
 * @param sourceLanguage the source language (BCP 47 or gettext style, {@code en}, {@code pt_BR});
 *     chooses the TMX side, null to take the TMX header's {@code srclang}
 * @param targetLanguage the target language; chooses the TMX side and, when a gettext
 *     catalogue names its {@code Language}, must match it; null to accept any
 * @param keepFuzzy keep gettext messages flagged {@code fuzzy} (machine-guessed translations
 *     that no translator confirmed) instead of ignoring them
 */
public record ReadOptions(boolean strict, String sourceLanguage, String targetLanguage, boolean keepFuzzy) {

  /** Lenient, no languages chosen, fuzzy messages ignored: enough for TSV, aligned and gettext files. */
  public static ReadOptions lenient() {
    return new ReadOptions(false, null, null, false);
  }
}

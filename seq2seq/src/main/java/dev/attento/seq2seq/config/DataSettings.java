package dev.attento.seq2seq.config;

import java.nio.file.Path;

/**
 * The {@code data} section: a toy task to generate, or corpora to read, and how to tokenize
 * and filter them. Each component is the key of the same name in {@link DataKeys}, checked
 * against it on construction.
 *
 * @param task toy task generated when {@code train} is null
 * @param train training corpus, or null to generate {@code task}
 * @param dev held-out corpus; required with {@code train}
 * @param sourceLanguage picks the TMX side; null: the TMX header's
 * @param targetLanguage picks the TMX side, must match a gettext catalogue's; null: any
 * @param trainSize training pairs generated for a toy task
 * @param devSize dev pairs generated for a toy task
 * @param sourceTokenizer source tokenizer
 * @param targetTokenizer target tokenizer
 * @param maxLength pairs longer than this many tokens on either side are dropped
 * @param minFrequency rarer training tokens become UNK
 * @param maxVocabulary largest vocabulary per side
 * @param strict the first malformed corpus entry is an error instead of being skipped
 * @param jointBpe with the same {@code bpe} tokenizer on both sides, learn one subword model for both
 */
public record DataSettings(String task, Path train, Path dev, String sourceLanguage, String targetLanguage,
                           int trainSize, int devSize, TokenizerChoice sourceTokenizer,
                           TokenizerChoice targetTokenizer, int maxLength, int minFrequency, int maxVocabulary,
                           boolean strict, boolean jointBpe) {

  public DataSettings {
    DataKeys.TASK.check(task);
    DataKeys.TRAIN.check(train);
    DataKeys.DEV.check(dev);
    DataKeys.SOURCE_LANGUAGE.check(sourceLanguage);
    DataKeys.TARGET_LANGUAGE.check(targetLanguage);
    DataKeys.TRAIN_SIZE.check(trainSize);
    DataKeys.DEV_SIZE.check(devSize);
    DataKeys.SOURCE_TOKENIZER.check(sourceTokenizer);
    DataKeys.TARGET_TOKENIZER.check(targetTokenizer);
    DataKeys.MAX_LENGTH.check(maxLength);
    DataKeys.MIN_FREQUENCY.check(minFrequency);
    DataKeys.MAX_VOCABULARY.check(maxVocabulary);
    if (train != null && dev == null) {
      throw new ConfigException("data.dev is required with data.train (a held-out corpus)");
    }
  }

  /** Whether the pairs are generated from {@link #task()} rather than read from corpora. */
  public boolean generated() {
    return train == null;
  }
}

package dev.attento.seq2seq.config;

import static dev.attento.seq2seq.config.ValueTypes.flag;
import static dev.attento.seq2seq.config.ValueTypes.integer;
import static dev.attento.seq2seq.config.ValueTypes.nullable;

import dev.attento.seq2seq.model.ModelConfig;
import dev.attento.seq2seq.tasks.ToyTask;
import dev.attento.seq2seq.tasks.ToyTasks;
import java.nio.file.Path;
import java.util.List;

/** The keys of the {@code data} section: where sentence pairs come from and how they are tokenized. */
public final class DataKeys {

  private DataKeys() {}

  private static final ValueType<TokenizerChoice> TOKENIZER = ValueTypes.text("tokenizer", TokenizerChoice.GRAMMAR,
      TokenizerChoice::parse, TokenizerChoice::toString);
  private static final ValueType<String> LANGUAGE = nullable(ValueTypes.name("a language such as en, en-US or pt_BR"));

  public static final ConfigKey<String> TASK = new ConfigKey<>("data.task",
      ValueTypes.oneOf(ToyTasks.all().stream().map(ToyTask::name).toList()), ToyTasks.DEFAULT,
      "Toy task generated when data.train is null.", c -> c.data().task());
  public static final ConfigKey<Path> TRAIN = new ConfigKey<>("data.train", nullable(ValueTypes.path("a file path")),
      null, "Training corpus: TSV (source, tab, target), TMX, .po or .mo, told apart by content; null: generate data.task.",
      c -> c.data().train());
  public static final ConfigKey<Path> DEV = new ConfigKey<>("data.dev", nullable(ValueTypes.path("a file path")),
      null, "Held-out corpus for evaluation, same formats; required with data.train.", c -> c.data().dev());
  public static final ConfigKey<String> SOURCE_LANGUAGE = new ConfigKey<>("data.sourceLanguage", LANGUAGE, null,
      "Source language: picks the TMX side; null: the TMX header's srclang.", c -> c.data().sourceLanguage());
  public static final ConfigKey<String> TARGET_LANGUAGE = new ConfigKey<>("data.targetLanguage", LANGUAGE, null,
      "Target language: picks the TMX side and must match a gettext catalogue's Language; null: any.",
      c -> c.data().targetLanguage());
  public static final ConfigKey<Integer> TRAIN_SIZE = new ConfigKey<>("data.trainSize", integer(1, Integer.MAX_VALUE),
      20_000, "Training pairs generated for a toy task.", c -> c.data().trainSize());
  public static final ConfigKey<Integer> DEV_SIZE = new ConfigKey<>("data.devSize", integer(1, Integer.MAX_VALUE),
      500, "Dev pairs generated for a toy task.", c -> c.data().devSize());
  public static final ConfigKey<TokenizerChoice> SOURCE_TOKENIZER = new ConfigKey<>("data.sourceTokenizer", TOKENIZER,
      TokenizerChoice.AUTO, "Source tokenizer; auto: the task's choice, word for corpora.",
      c -> c.data().sourceTokenizer());
  public static final ConfigKey<TokenizerChoice> TARGET_TOKENIZER = new ConfigKey<>("data.targetTokenizer", TOKENIZER,
      TokenizerChoice.AUTO, "Target tokenizer; auto: the task's choice, word for corpora.",
      c -> c.data().targetTokenizer());
  public static final ConfigKey<Integer> MAX_LENGTH = new ConfigKey<>("data.maxLength", integer(1, Integer.MAX_VALUE),
      60, "Pairs with more tokens than this on either side are dropped.", c -> c.data().maxLength());
  public static final ConfigKey<Integer> MIN_FREQUENCY = new ConfigKey<>("data.minFrequency",
      integer(1, Integer.MAX_VALUE), 1, "Rarer training tokens become UNK.", c -> c.data().minFrequency());
  public static final ConfigKey<Integer> MAX_VOCABULARY = new ConfigKey<>("data.maxVocabulary",
      integer(1, ModelConfig.MAX_VOCABULARY), 50_000, "Largest vocabulary per side, special tokens included.",
      c -> c.data().maxVocabulary());
  public static final ConfigKey<Boolean> STRICT = new ConfigKey<>("data.strict", flag(), false,
      "The first malformed corpus line or entry is an error instead of being skipped.", c -> c.data().strict());
  public static final ConfigKey<Boolean> JOINT_BPE = new ConfigKey<>("data.jointBpe", flag(), true,
      "With the same bpe tokenizer on both sides: learn one subword model on both sides' training text (one "
          + "vocabulary, as for related languages); false: one per side.", c -> c.data().jointBpe());

  /**
   * Keys that configs of earlier versions hold and that are accepted but ignored:
   * {@code data.lowercase} was never read (lower-casing is the word tokenizer's
   * {@code :lowercase} filter).
   */
  public static final List<String> IGNORED = List.of("data.lowercase");

  /** Every key of the section, in the order config files list them. */
  public static final List<ConfigKey<?>> ALL = List.of(TASK, TRAIN, DEV, SOURCE_LANGUAGE, TARGET_LANGUAGE, TRAIN_SIZE,
      DEV_SIZE, SOURCE_TOKENIZER, TARGET_TOKENIZER, MAX_LENGTH, MIN_FREQUENCY, MAX_VOCABULARY, STRICT,
      JOINT_BPE);
}

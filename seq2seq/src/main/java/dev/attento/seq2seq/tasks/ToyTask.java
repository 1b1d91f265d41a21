package dev.attento.seq2seq.tasks;

import dev.attento.seq2seq.data.SentencePair;
import java.util.List;

/**
 * A translation task generated from a seed: no download, the same pairs for the same seed on
 * every machine. Each task teaches something specific about sequence-to-sequence models.
 */
public interface ToyTask {

  /** The name used on the command line. */
  String name();

  /** One line on what the task is and what it teaches. */
  String description();

  /** {@code count} pairs generated from {@code seed}. */
  List<SentencePair> generate(int count, long seed);

  /** The tokenization the task is meant for, as a {@code TokenizerSpec} string, per side. */
  String sourceTokenizer();

  /** See {@link #sourceTokenizer()}. */
  String targetTokenizer();

  /** A few example sources to translate after training. */
  List<String> examples();
}

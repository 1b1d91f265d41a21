package dev.attento.seq2seq.text;

import java.util.List;

/**
 * The special tokens every vocabulary starts with, at fixed ids, and the one place they are
 * defined: the model, the batches, the searches and the vocabularies all read them here.
 */
public final class SpecialTokens {

  /** Padding: fills batches to a common length; the loss ignores it. */
  public static final int PAD = 0;
  /** Beginning of sentence: the decoder's first input. */
  public static final int BOS = 1;
  /** End of sentence: the decoder's last output. */
  public static final int EOS = 2;
  /** Unknown: any token not in the vocabulary. */
  public static final int UNK = 3;
  /** The special tokens' texts, at their ids. */
  public static final List<String> TEXTS = List.of("<pad>", "<s>", "</s>", "<unk>");

  private SpecialTokens() {}
}

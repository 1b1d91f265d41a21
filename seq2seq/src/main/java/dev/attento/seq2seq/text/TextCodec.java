package dev.attento.seq2seq.text;

import java.util.List;

/**
 * One language side of a model: text ↔ token ids, through a tokenizer and a vocabulary.
 *
 * @param tokenizer splits and joins text
 * @param vocabulary maps tokens to ids
 */
public record TextCodec(Tokenizer tokenizer, Vocabulary vocabulary) {

  /** Token ids of a sentence. */
  public int[] encode(String text) {
    return vocabulary.encode(tokenizer.tokenize(text));
  }

  /** A sentence from ids (stops at EOS). */
  public String decode(int[] ids) {
    return tokenizer.detokenize(vocabulary.decode(ids));
  }

  /**
   * Whether every text encodes without UNK: subword units, whose vocabulary holds every byte
   * (see {@code DataPreparation}). A decoder for this side then never needs to emit UNK.
   */
  public boolean spellsEveryText() {
    return tokenizer.spec().needsTraining();
  }

  /** The tokens of ids as the vocabulary spells them (UNK as {@code <unk>}). */
  public List<String> tokens(int[] ids) {
    return java.util.Arrays.stream(ids).mapToObj(vocabulary::token).toList();
  }
}

package dev.attento.seq2seq.train;

import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.text.Tokenizer;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.List;

/**
 * Everything the trainer needs from the data: tokenizers, vocabularies built on the training
 * side, and both splits encoded.
 *
 * @param source source-side tokenizer and vocabulary
 * @param target target-side tokenizer and vocabulary
 * @param train training examples
 * @param dev held-out examples
 * @param devPairs the dev sentences as text (for BLEU against detokenized output)
 * @param summary a line on where the data came from and what was dropped
 */
public record TrainingData(Side source, Side target, List<Example> train, List<Example> dev,
                           List<SentencePair> devPairs, String summary) {

  /**
   * One language side.
   *
   * @param tokenizer its tokenizer
   * @param vocabulary its vocabulary
   */
  public record Side(Tokenizer tokenizer, Vocabulary vocabulary) {
    /** Token ids of a sentence. */
    public int[] encode(String text) {
      return vocabulary.encode(tokenizer.tokenize(text));
    }

    /** A sentence from ids (stops at EOS). */
    public String decode(int[] ids) {
      return tokenizer.detokenize(vocabulary.decode(ids));
    }
  }
}

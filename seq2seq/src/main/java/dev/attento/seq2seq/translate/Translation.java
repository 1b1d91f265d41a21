package dev.attento.seq2seq.translate;

import java.util.List;

/**
 * A translated sentence.
 *
 * @param source the input text
 * @param sourceTokens its tokens as the model saw them (UNK shown as {@code <unk>})
 * @param targetTokens the output tokens
 * @param text the detokenized output
 * @param score log-probability of the output
 * @param attention per output token (and EOS), weights over the source tokens; {@code null} without attention
 */
public record Translation(String source, List<String> sourceTokens, List<String> targetTokens, String text,
                          double score, float[][] attention) {

  /** The translation of a sentence without tokens: empty. */
  public static Translation empty(String source) {
    return new Translation(source, List.of(), List.of(), "", 0, null);
  }
}

package dev.attento.seq2seq.data;

/**
 * One source sentence and its translation.
 *
 * @param source the sentence to translate
 * @param target its reference translation
 */
public record SentencePair(String source, String target) {}

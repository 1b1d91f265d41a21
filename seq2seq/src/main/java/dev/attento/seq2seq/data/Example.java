package dev.attento.seq2seq.data;

/**
 * A sentence pair as token ids, without BOS/EOS.
 *
 * @param index position in the corpus (to report or evaluate per sentence)
 * @param source source ids
 * @param target target ids
 */
public record Example(int index, int[] source, int[] target) {}

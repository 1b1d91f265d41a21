package dev.attento.seq2seq.decode;

/**
 * One decoded target sentence.
 *
 * @param tokens target ids, without BOS and without the final EOS
 * @param score log-probability of the tokens (and EOS), before any length normalisation
 * @param attention for each emitted token (and EOS), the weights over the source positions
 *     ({@code attention[t][s]}); {@code null} for models without attention
 */
public record Hypothesis(int[] tokens, double score, float[][] attention) {}

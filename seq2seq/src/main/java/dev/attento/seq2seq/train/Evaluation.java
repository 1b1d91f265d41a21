package dev.attento.seq2seq.train;

/**
 * Dev-set results during training.
 *
 * @param loss mean teacher-forced cross-entropy per target token
 * @param exactMatch fraction of sentences decoded (greedily) exactly right
 * @param bleu corpus BLEU of the greedy translations (sacreBLEU-compatible, 0–100)
 * @param chrf corpus chrF2 (0–100): informative where outputs are single words, which BLEU's
 *     4-grams cannot score
 * @param sentences number of dev sentences
 */
public record Evaluation(double loss, double exactMatch, double bleu, double chrf, int sentences) {}

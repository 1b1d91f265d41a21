package dev.attento.seq2seq.train;

/**
 * Dev-set results during training.
 *
 * @param loss mean teacher-forced cross-entropy per target token
 * @param exactMatch fraction of sentences decoded (greedily) exactly right
 * @param bleu corpus BLEU of the greedy translations (sacreBLEU-compatible, 0–100)
 * @param sentences number of dev sentences
 */
public record Evaluation(double loss, double exactMatch, double bleu, int sentences) {}

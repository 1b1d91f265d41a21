package dev.attento.seq2seq.config;

/**
 * What early stopping and the best checkpoint are judged by ({@code training.earlyStopMetric}),
 * measured on the dev set at every evaluation.
 */
public enum EarlyStopMetric {
  /** Dev loss (lower is better). */
  LOSS,
  /** BLEU (higher is better). */
  BLEU,
  /** chrF (higher is better). */
  CHRF,
  /** Share of sentences translated exactly (higher is better). */
  EXACT
}

package dev.attento.seq2seq.train;

import java.nio.file.Path;

/** Hears what the trainer does; the CLI draws progress bars and writes metrics.csv from it. */
public interface TrainingListener {

  /**
   * One optimizer step.
   *
   * @param step the step just done (1-based)
   * @param totalSteps the planned number of steps
   * @param loss the batch's mean cross-entropy
   * @param targetTokens non-PAD target tokens in the batch
   * @param gradientNorm global gradient norm before clipping
   * @param learningRate the rate used
   * @param millis wall time of the step
   */
  default void onStep(long step, long totalSteps, double loss, int targetTokens, double gradientNorm,
                      double learningRate, double millis) {}

  /** A dev-set evaluation. */
  default void onEvaluation(long step, Evaluation evaluation) {}

  /** A checkpoint was written. */
  default void onCheckpoint(long step, Path directory) {}

  /** A batch was skipped because its loss or gradient was not finite. */
  default void onSkippedBatch(long step, String reason) {}
}

package dev.attento.seq2seq.train;

/**
 * The trainer's own state in a checkpoint, beyond weights and optimizer moments: enough to
 * continue so that the loss trajectory is identical to an uninterrupted run.
 *
 * @param step optimizer steps done
 * @param epoch data epoch of the next batch
 * @param batchInEpoch index of the next batch within its epoch
 * @param dropoutRandom state of the generator behind dropout and scheduled sampling
 * @param schedule learning-rate schedule state
 * @param bestMetric best early-stopping metric so far (lower is better)
 * @param badEvaluations evaluations since the best one
 * @param skippedBatches batches skipped for a non-finite loss or gradient
 * @param trainMillis wall time spent training so far
 */
public record TrainerState(long step, int epoch, int batchInEpoch, byte[] dropoutRandom, double[] schedule,
                           double bestMetric, int badEvaluations, int skippedBatches, long trainMillis) {

  public TrainerState {
    if (step < 0 || epoch < 0 || batchInEpoch < 0 || badEvaluations < 0 || skippedBatches < 0 || trainMillis < 0
        || skippedBatches > step || dropoutRandom == null || schedule == null) {
      throw new IllegalArgumentException("inconsistent trainer state (step " + step + ", epoch " + epoch + ", batch "
          + batchInEpoch + ", skipped " + skippedBatches + ")");
    }
  }
}

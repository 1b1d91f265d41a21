package dev.attento.spark.train;

import java.io.Serializable;

/**
 * What worker 0 reports after a segment: the state every worker now holds, and what it cost.
 *
 * @param snapshot the state after the segment's last step
 * @param lossSum the sum of per-token training losses over the segment, all workers
 * @param tokens target tokens trained on in the segment, all workers
 * @param computeNanos time worker 0 spent outside exchanges (forward, backward, optimizer)
 * @param exchangeNanos time it spent in exchanges, waiting for the others included
 * @param exchanges how many exchanges it took part in
 * @param sentBytes bytes it sent in them (each worker sends as much; each receives that times the workers)
 * @param epoch the epoch of worker 0's next batch (its shard's; what trainer.json records)
 * @param batchInEpoch that batch's index in the epoch
 * @param dropoutState the state of its dropout generator (what trainer.json records)
 * @param stopped why training must stop (a non-finite loss under training.onNonFinite=stop), or {@code null}
 * @param cellJar the plugin jar worker 0's cell was loaded from (its pin checked), or {@code null} for a built-in cell
 */
record SegmentResult(TrainingSnapshot snapshot, double lossSum, double tokens, long computeNanos, long exchangeNanos,
                     long exchanges, long sentBytes, int epoch, int batchInEpoch, byte[] dropoutState, String stopped,
                     String cellJar) implements Serializable {}

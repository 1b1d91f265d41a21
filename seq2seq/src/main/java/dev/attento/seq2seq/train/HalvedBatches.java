package dev.attento.seq2seq.train;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.autodiff.GradientSink;
import dev.attento.core.kernels.Kernels;
import dev.attento.core.random.Randomness;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.model.SourceBatch;
import dev.attento.seq2seq.model.TargetBatch;
import dev.attento.seq2seq.model.Translator;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The loss and gradients of a training batch, computed as two halves, one per core
 * ({@link Kernels#inParallel}): data parallelism on one machine. Every op of the forward and
 * backward pass then runs on both cores, where sharing each matrix product would leave the
 * rest on one. The second half collects its parameter gradients in a {@link GradientSink},
 * added to the first half's afterwards.
 *
 * <p>The batch loss is the mean over its target tokens, so half {@code i}'s mean loss is
 * back-propagated with weight {@code N_i / N}: the gradient is that of the whole batch. Rows
 * are sorted by target length and dealt out alternately, so both halves do about the same
 * work. The split is the same on one core (the halves then run one after the other), so
 * results do not depend on the machine; dropout in the second half draws from a generator
 * seeded from the run's, so a resumed run draws the same.
 */
public final class HalvedBatches {

  /** Batches with fewer sentences are not split. */
  public static final int MIN_BATCH = 16;

  private HalvedBatches() {}

  /**
   * Computes the batch's teacher-forced loss and adds its gradient to the parameters'.
   * Nothing is back-propagated if the loss is not finite.
   *
   * @param random the run's dropout generator
   * @return the loss, the mean over the batch's target tokens
   */
  public static double lossAndGradients(Translator model, Batch batch, boolean training, UniformRandomProvider random) {
    SourceBatch source = batch.source();
    TargetBatch target = batch.target();
    int rows = source.batchSize();
    if (rows < MIN_BATCH) {
      return backwardIfFinite(model.loss(source, target, training, random));
    }
    int[] lengths = target.lengths(Translator.PAD);
    int[] byLength = IntStream.range(0, rows).boxed()
        .sorted(Comparator.comparingInt((Integer b) -> -lengths[b])).mapToInt(Integer::intValue).toArray();
    int[][] halves = {IntStream.range(0, rows).filter(i -> i % 2 == 0).map(i -> byLength[i]).toArray(),
        IntStream.range(0, rows).filter(i -> i % 2 == 1).map(i -> byLength[i]).toArray()};
    UniformRandomProvider second = Randomness.create(random.nextLong());
    double total = target.tokenCount(Translator.PAD);
    GradientSink[] sink = new GradientSink[1];
    List<Double> shares = Kernels.inParallel(List.of(
        () -> half(model, source, target, halves[0], training, random, total),
        () -> {
          try (GradientSink s = GradientSink.open()) {
            sink[0] = s;
            return half(model, source, target, halves[1], training, second, total);
          }
        }));
    double loss = shares.get(0) + shares.get(1);
    if (Double.isFinite(loss)) {
      sink[0].mergeInto();
    }
    return loss;
  }

  /**
   * Back-propagates a scalar {@code loss} unless it is NaN or infinite.
   *
   * @return the loss
   */
  static double backwardIfFinite(Tensor loss) {
    double value = loss.item();
    if (Double.isFinite(value)) {
      loss.backward();
    }
    return value;
  }

  /**
   * One half's forward pass and, if its loss is finite, its backward pass.
   *
   * @return this half's share of the batch loss, {@code N_i/N · mean_i}
   */
  private static double half(Translator model, SourceBatch source, TargetBatch target, int[] rows, boolean training,
                             UniformRandomProvider random, double total) {
    TargetBatch t = target.permute(rows);
    float weight = (float) (t.tokenCount(Translator.PAD) / total);
    Tensor loss = model.loss(source.permute(rows), t, training, random);
    double value = weight * loss.item();
    if (Double.isFinite(value)) {
      Autodiff.backward(loss, new float[] {weight});
    }
    return value;
  }
}

package dev.attento.seq2seq.data;

import dev.attento.core.random.Randomness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Shuffled batches for training, epoch after epoch. Each epoch shuffles the examples with a
 * generator derived from (seed, epoch). {@link Batching#BUCKETED} batching (the default) then
 * cuts them into pools of 50 batches, sorts each pool by source length (so a batch's
 * sentences need little padding) and shuffles the batch order; {@link Batching#RANDOM}
 * batching cuts the shuffled examples into batches as they are, so each batch mixes lengths
 * as i.i.d. sampling would (the PyTorch reference's {@code make_batch}). Because an epoch is
 * a pure function of (seed, epoch), the iteration position is just {@link Position}: resuming
 * from it replays exactly the same batches.
 */
public final class BatchPlan {

  /**
   * How examples are grouped into batches.
   *
   * <p>Bucketed batches pad little, so they are cheaper, but every batch holds sentences of
   * nearly one length: the loss is a mean over a batch's tokens, so a batch of short sentences
   * weighs as much as a batch of long ones and a long sentence's tokens count for less than a
   * short one's, and successive gradients swing between length regimes. Random batches weigh
   * every token alike and each gradient averages over all lengths.
   */
  public enum Batching {
    /** Sentences of similar source length together (within pools of 50 batches). */
    BUCKETED,
    /** Sentences in shuffled order, lengths mixed within each batch. */
    RANDOM;

    /** {@code bucketed} or {@code random}. */
    public static Batching parse(String name) {
      for (Batching b : values()) {
        if (b.name().equalsIgnoreCase(name)) {
          return b;
        }
      }
      throw new IllegalArgumentException("batching must be bucketed or random, got '" + name + "'");
    }
  }

  /**
   * Where iteration stands.
   *
   * @param epoch 0-based epoch
   * @param batch index of the next batch within the epoch
   */
  public record Position(int epoch, int batch) {}

  private static final int POOL_BATCHES = 50;

  private final List<Example> examples;
  private final int batchSize;
  private final long seed;
  private final Batching batching;
  private List<List<Example>> epochBatches;
  private Position position = new Position(0, 0);

  /** A bucketed plan over {@code examples} (not empty) in batches of at most {@code batchSize}. */
  public BatchPlan(List<Example> examples, int batchSize, long seed) {
    this(examples, batchSize, seed, Batching.BUCKETED);
  }

  /** A plan over {@code examples} (not empty) in batches of at most {@code batchSize}. */
  public BatchPlan(List<Example> examples, int batchSize, long seed, Batching batching) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.examples = List.copyOf(examples);
    this.batchSize = batchSize;
    this.seed = seed;
    this.batching = batching;
  }

  /** The next batch, moving to a new epoch when one is exhausted. */
  public Batch next() {
    if (epochBatches == null) {
      epochBatches = plan(position.epoch());
    }
    if (position.batch() >= epochBatches.size()) {
      position = new Position(position.epoch() + 1, 0);
      epochBatches = plan(position.epoch());
    }
    List<Example> b = epochBatches.get(position.batch());
    position = new Position(position.epoch(), position.batch() + 1);
    return Batch.of(b);
  }

  /** The position of the next batch. */
  public Position position() {
    return position;
  }

  /** Continues from a saved position. */
  public void seek(Position p) {
    this.position = p;
    this.epochBatches = null;
  }

  private List<List<Example>> plan(int epoch) {
    UniformRandomProvider r = Randomness.derive(seed, "batches/" + epoch);
    List<Example> order = new ArrayList<>(examples);
    shuffle(order, r);
    List<List<Example>> batches = new ArrayList<>();
    if (batching == Batching.RANDOM) {
      for (int i = 0; i < order.size(); i += batchSize) {
        batches.add(order.subList(i, Math.min(order.size(), i + batchSize)));
      }
      return batches;
    }
    int pool = batchSize * POOL_BATCHES;
    for (int start = 0; start < order.size(); start += pool) {
      List<Example> p = new ArrayList<>(order.subList(start, Math.min(order.size(), start + pool)));
      p.sort(Comparator.comparingInt((Example e) -> e.source().length).thenComparingInt(Example::index));
      for (int i = 0; i < p.size(); i += batchSize) {
        batches.add(p.subList(i, Math.min(p.size(), i + batchSize)));
      }
    }
    shuffle(batches, r);
    return batches;
  }

  /** Fisher–Yates with the given generator. */
  static <T> void shuffle(List<T> list, UniformRandomProvider r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Fixed, unshuffled batches in corpus order, for evaluation. */
  public static List<Batch> sequential(List<Example> examples, int batchSize) {
    List<Batch> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i += batchSize) {
      out.add(Batch.of(examples.subList(i, Math.min(examples.size(), i + batchSize))));
    }
    return out;
  }
}

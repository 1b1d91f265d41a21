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
 * as i.i.d. sampling would (the PyTorch reference's {@code make_batch}); {@link Batching#TOKENS}
 * batching sorts pools as bucketed batching does but cuts them by a budget of tokens instead
 * of sentences (fairseq's {@code --max-tokens}, Joey NMT's {@code batch_type: token}), so a
 * batch of short sentences holds more of them. Because an epoch is
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
    RANDOM,
    /**
     * Sentences of similar length together, as many per batch as fit a token budget: a
     * batch's padded size, sentences × (longest source + longest target), stays within it
     * (a single sentence longer than the budget is a batch of its own).
     */
    TOKENS;

    /** {@code bucketed}, {@code random} or {@code tokens}. */
    public static Batching parse(String name) {
      for (Batching b : values()) {
        if (b.name().equalsIgnoreCase(name)) {
          return b;
        }
      }
      throw new IllegalArgumentException("batching must be bucketed, random or tokens, got '" + name + "'");
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
  private final int batchTokens;
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
    this(examples, batchSize, 0, seed, batching);
  }

  /**
   * A plan over {@code examples} (not empty).
   *
   * @param batchSize sentences per batch, for bucketed and random batching
   * @param batchTokens padded source + target tokens per batch, for token batching
   */
  public BatchPlan(List<Example> examples, int batchSize, int batchTokens, long seed, Batching batching) {
    if (batching == Batching.TOKENS && batchTokens < 1) {
      throw new IllegalArgumentException("batch tokens must be at least 1, got " + batchTokens);
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.examples = List.copyOf(examples);
    // A batch larger than the corpus is the whole corpus; capping it here keeps the index
    // arithmetic below from overflowing (training.batchSize=2147483647 failed with
    // "fromIndex(0) > toIndex(-50)").
    this.batchSize = Math.min(batchSize, examples.size());
    this.batchTokens = batchTokens;
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
    if (batching == Batching.TOKENS) {
      for (List<Example> p : tokenPools(order)) {
        batches.addAll(cutByTokens(p));
      }
      shuffle(batches, r);
      return batches;
    }
    int pool = (int) Math.min(order.size(), (long) batchSize * POOL_BATCHES);
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

  /** Consecutive runs of {@code order} holding about {@link #POOL_BATCHES} token budgets each. */
  private List<List<Example>> tokenPools(List<Example> order) {
    List<List<Example>> pools = new ArrayList<>();
    long budget = (long) batchTokens * POOL_BATCHES;
    int start = 0;
    long tokens = 0;
    for (int i = 0; i < order.size(); i++) {
      tokens += tokens(order.get(i));
      if (tokens >= budget || i == order.size() - 1) {
        pools.add(order.subList(start, i + 1));
        start = i + 1;
        tokens = 0;
      }
    }
    return pools;
  }

  /** One pool sorted by length and cut greedily into batches within the token budget. */
  private List<List<Example>> cutByTokens(List<Example> pool) {
    List<Example> p = new ArrayList<>(pool);
    p.sort(Comparator.comparingInt((Example e) -> e.source().length).thenComparingInt(e -> e.target().length)
        .thenComparingInt(Example::index));
    List<List<Example>> batches = new ArrayList<>();
    int start = 0;
    int longestSource = 0;
    int longestTarget = 0;
    for (int i = 0; i < p.size(); i++) {
      int s = Math.max(longestSource, p.get(i).source().length);
      int t = Math.max(longestTarget, p.get(i).target().length);
      if (i > start && (long) (i + 1 - start) * (s + t) > batchTokens) {
        batches.add(p.subList(start, i));
        start = i;
        s = p.get(i).source().length;
        t = p.get(i).target().length;
      }
      longestSource = s;
      longestTarget = t;
    }
    batches.add(p.subList(start, p.size()));
    return batches;
  }

  private static int tokens(Example e) {
    return e.source().length + e.target().length;
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

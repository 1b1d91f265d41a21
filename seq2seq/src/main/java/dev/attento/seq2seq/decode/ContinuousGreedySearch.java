package dev.attento.seq2seq.decode;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Reductions;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.Translator;
import dev.attento.seq2seq.text.SpecialTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy search over a batch that sentences join and leave between steps: continuous
 * batching (Yu et al. 2022, "Orca", iteration-level scheduling). A batch decoded in one piece
 * shrinks as its sentences end, and its last steps multiply a few rows by all the weights; here
 * new sentences take the places of ended ones at the next step, so a server under load keeps
 * its products wide.
 *
 * <p>Each sentence's tokens are the ones {@link GreedySearch} gives it: at every step it takes
 * its most probable next token (that does not repeat an n-gram, if the options block repeats),
 * and it leaves once it has produced EOS or reached its length limit. A sentence's numbers do
 * not depend on which others share its steps (the decoder's products give every row the same
 * bits whatever rows surround it, and a shorter source padded to a longer one gets no
 * attention on the padding), except for the last bits of the attention sums' order when its
 * source is padded, as in any batch. With {@link DecodingOptions#stopAtEos()} off, an ended
 * sentence stays in the batch until every sentence has ended (a fixed-length benchmark).
 *
 * <p>Not thread-safe: one thread admits and steps.
 */
public final class ContinuousGreedySearch {

  /**
   * A sentence that has ended.
   *
   * @param id what {@link #admit} was given for it
   * @param hypothesis its tokens (without EOS), score and attention (rows over its own source tokens)
   */
  public record Ended(int id, Hypothesis hypothesis) {}

  /** One sentence in the batch: its caller's id, its limits and what it has produced so far. */
  private static final class Sentence {
    final int id;
    final int sourceLength;
    final int maxLength;
    final List<Integer> tokens = new ArrayList<>();
    final List<float[]> weights = new ArrayList<>();
    double score;
    /** Steps taken in the batch. */
    int steps;
    boolean ended;

    Sentence(int id, int sourceLength, int maxLength) {
      this.id = id;
      this.sourceLength = sourceLength;
      this.maxLength = maxLength;
    }

    Hypothesis hypothesis() {
      int[] ids = tokens.stream().mapToInt(Integer::intValue).toArray();
      return new Hypothesis(ids, score, weights.isEmpty() ? null : weights.toArray(new float[0][]));
    }
  }

  private final Translator model;
  private final DecodingOptions options;
  /** Row r of the decoder holds rows.get(r). */
  private final List<Sentence> rows = new ArrayList<>();
  private DecoderState state;
  private int[] previous = new int[0];

  /** An empty batch; each call says which inference pass (and so which threads) computes it. */
  public ContinuousGreedySearch(Translator model, DecodingOptions options) {
    if (options.beamSize() != 1) {
      throw new IllegalArgumentException("continuous greedy search: beam size must be 1, got " + options.beamSize());
    }
    this.model = model;
    this.options = options;
  }

  /**
   * Encodes sentences and adds them to the batch; their first token comes at the next
   * {@link #step}.
   *
   * @param fwd the inference pass that encodes them
   * @param ids one id per sentence of {@code source}, returned with it when it ends
   */
  public void admit(Forward fwd, SourceBatch source, int[] ids) {
    if (ids.length != source.batchSize()) {
      throw new IllegalArgumentException("admit: " + ids.length + " ids for " + source.batchSize() + " sentences");
    }
    if (ids.length == 0) {
      return;
    }
    DecoderState started = model.start(fwd, source);
    state = state == null ? started : state.join(fwd, started);
    int before = previous.length;
    previous = Arrays.copyOf(previous, before + ids.length);
    Arrays.fill(previous, before, previous.length, SpecialTokens.BOS);
    for (int i = 0; i < ids.length; i++) {
      Sentence s = new Sentence(ids[i], source.lengths()[i], options.maxLength(source.lengths()[i]));
      s.ended = s.maxLength <= 0; // no token allowed: it leaves, empty, at the next step
      rows.add(s);
    }
  }

  /** Sentences in the batch that have not ended. */
  public int live() {
    int n = 0;
    for (Sentence s : rows) {
      n += s.ended ? 0 : 1;
    }
    return n;
  }

  /**
   * Gives every sentence in the batch its next token and returns those that ended, in batch
   * order; after a step in which the last one ends the batch is empty and can take new ones.
   *
   * @param fwd the inference pass of this step (any pass of the same weights: a row's numbers do
   *     not depend on the threads that compute it)
   */
  public List<Ended> step(Forward fwd) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Translator.Prediction step = model.step(fwd, previous, state);
    Tensor logProbs = step.logProbs();
    options.removeForbidden(logProbs.data(), logProbs.dim(1));
    int[] best = Reductions.argmax(logProbs);
    int vocab = logProbs.dim(1);
    int width = step.attention() == null ? 0 : step.attention().dim(1);
    int live = 0;
    for (int r = 0; r < rows.size(); r++) {
      Sentence s = rows.get(r);
      if (s.ended) {
        s.steps++; // stepped on with the batch (stopAtEos off): a fixed-length batch ends at its longest limit
        continue;
      }
      if (options.noRepeatNgram() > 0) {
        best[r] = RepeatedNgrams.bestAllowed(logProbs.data(), r * vocab, vocab, best[r], s.tokens, options.noRepeatNgram());
      }
      s.score += logProbs.data()[r * vocab + best[r]];
      if (step.attention() != null) {
        s.weights.add(Arrays.copyOfRange(step.attention().data(), r * width, r * width + s.sourceLength));
      }
      boolean last = best[r] == SpecialTokens.EOS || ++s.steps >= s.maxLength;
      if (best[r] != SpecialTokens.EOS) {
        s.tokens.add(best[r]);
      }
      s.ended = last;
      live += last ? 0 : 1;
    }
    return options.stopAtEos() ? leave(fwd, step.next(), best, live) : stay(step.next(), best);
  }

  /** The ended sentences leave the batch at once; the others carry on. */
  private List<Ended> leave(Forward fwd, DecoderState next, int[] best, int live) {
    List<Ended> ended = new ArrayList<>();
    int[] keep = new int[live];
    List<Sentence> staying = new ArrayList<>(live);
    for (int r = 0, i = 0; r < rows.size(); r++) {
      Sentence s = rows.get(r);
      if (s.ended) {
        ended.add(new Ended(s.id, s.hypothesis()));
      } else {
        keep[i] = r;
        previous[i++] = best[r];
        staying.add(s);
      }
    }
    previous = Arrays.copyOf(previous, live);
    state = live == 0 ? null : live == rows.size() ? next : next.select(fwd, keep);
    rows.clear();
    rows.addAll(staying);
    return ended;
  }

  /** Every sentence stays in the batch until all have ended (a fixed-length benchmark). */
  private List<Ended> stay(DecoderState next, int[] best) {
    previous = best;
    state = next;
    if (!rows.stream().allMatch(s -> s.steps >= s.maxLength)) {
      return List.of();
    }
    List<Ended> ended = rows.stream().map(s -> new Ended(s.id, s.hypothesis())).toList();
    rows.clear();
    previous = new int[0];
    state = null;
    return ended;
  }
}

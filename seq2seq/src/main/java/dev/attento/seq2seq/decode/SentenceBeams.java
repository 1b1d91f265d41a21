package dev.attento.seq2seq.decode;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The beam of one sentence (Sutskever et al. 2014, §3.2; Wu et al. 2016 for the length and
 * coverage penalties): the {@code k} most probable live partial translations and the finished ones. A
 * hypothesis that emits EOS is set aside; the search ends when no live beam is left or none
 * can beat the best finished hypothesis, and the best finished one by length-normalised
 * score plus coverage penalty wins (the coverage penalty ranks finished hypotheses only, as
 * OpenNMT-py's default does, not the live beams at each step). {@link BeamSearch} runs the beams of many sentences as one decoder batch.
 */
final class SentenceBeams {

  /** A partial translation: its tokens, attention rows and summed log-probability. */
  private record Beam(int[] tokens, float[][] attention, double score) {
    Beam extend(int token, float[] weights, double logProb) {
      int[] t = Arrays.copyOf(tokens, tokens.length + 1);
      t[tokens.length] = token;
      float[][] a = attention == null ? null : Arrays.copyOf(attention, attention.length + 1);
      if (a != null) {
        a[attention.length] = weights;
      }
      return new Beam(t, a, score + logProb);
    }
  }

  private record Candidate(int beam, int token, double score) {}

  private final int k;
  private final int maxLength;
  private final int sourceLength;
  private final double alpha;
  private final DecodingOptions options;
  private List<Beam> live;
  private final List<Hypothesis> finished = new ArrayList<>();

  SentenceBeams(DecodingOptions options, int sourceLength, boolean attends) {
    this.k = options.beamSize();
    this.maxLength = options.maxLength(sourceLength);
    this.sourceLength = sourceLength;
    this.alpha = options.lengthPenalty();
    this.options = options;
    this.live = List.of(new Beam(new int[0], attends ? new float[0][] : null, 0.0));
  }

  /** Live beams: the decoder rows this sentence needs at the next step. */
  int liveCount() {
    return live.size();
  }

  /** The token each live beam feeds to the decoder next. */
  int lastToken(int beam) {
    int[] t = live.get(beam).tokens();
    return t.length == 0 ? SpecialTokens.BOS : t[t.length - 1];
  }

  /**
   * Extends the live beams by one step.
   *
   * @param step 0-based step
   * @param logProbs {@code [rows, vocab]} log-probabilities, this sentence's beams from row {@code row0}
   * @param attention {@code [rows, srcLen]} attention weights, or {@code null}
   * @return for each new live beam, the index of the beam it extends (empty when the search ended)
   */
  int[] advance(int step, float[] logProbs, int vocab, int row0, float[] attention, int srcLen) {
    List<Candidate> best = topCandidates(logProbs, vocab, row0, 2 * k);
    List<Beam> next = new ArrayList<>(k);
    List<Integer> parents = new ArrayList<>(k);
    boolean lastStep = step == maxLength - 1;
    for (int rank = 0; rank < best.size(); rank++) {
      Candidate c = best.get(rank);
      Beam parent = live.get(c.beam());
      float[] weights = attention == null ? null
          : Arrays.copyOfRange(attention, (row0 + c.beam()) * srcLen, (row0 + c.beam() + 1) * srcLen);
      Beam extended = parent.extend(c.token(), weights, c.score() - parent.score());
      if (c.token() == SpecialTokens.EOS) {
        // Only an EOS that ranks among the k best candidates ends a hypothesis (as in fairseq).
        if (rank < k) {
          int[] tokens = Arrays.copyOf(extended.tokens(), extended.tokens().length - 1);
          finished.add(new Hypothesis(tokens, extended.score(), extended.attention()));
        }
      } else if (lastStep) {
        finished.add(new Hypothesis(extended.tokens(), extended.score(), extended.attention()));
      } else if (next.size() < k) {
        next.add(extended);
        parents.add(c.beam());
      }
    }
    if (next.isEmpty() || cannotImprove(next.get(0))) {
      live = List.of();
      return new int[0];
    }
    live = next;
    return parents.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The {@code n} best finished hypotheses by score (length-normalised, coverage-penalised), best first. */
  List<Hypothesis> best(int n) {
    List<Hypothesis> ranked = finished.stream()
        .sorted(Comparator.comparingDouble((Hypothesis h) -> normalised(h)).reversed()).limit(n).toList();
    if (ranked.isEmpty()) {
      throw new IllegalStateException("beam search ended without a finished hypothesis");
    }
    return ranked;
  }

  /**
   * Whether no extension of the best live beam can beat the best finished hypothesis: a
   * beam's log-probability only falls as it grows, the length penalty divides it by at most
   * that of the maximum length, and the coverage penalty is at most 0.
   */
  private boolean cannotImprove(Beam bestLive) {
    if (finished.isEmpty()) {
      return false;
    }
    double bestFinished = finished.stream().mapToDouble(this::normalised).max().orElseThrow();
    double bound = bestLive.score() / Math.pow((5.0 + maxLength) / 6.0, alpha);
    return bestFinished >= bound;
  }

  /** GNMT's score: log-probability divided by the length penalty ((5+|Y|)/6)^α, plus the coverage penalty. */
  private double normalised(Hypothesis h) {
    return options.rankingScore(h.score(), h.tokens().length, h.attention(), sourceLength);
  }

  private List<Candidate> topCandidates(float[] lp, int vocab, int row0, int count) {
    PriorityQueue<Candidate> heap = new PriorityQueue<>(Comparator.comparingDouble(Candidate::score));
    for (int i = 0; i < live.size(); i++) {
      double base = live.get(i).score();
      int row = (row0 + i) * vocab;
      int[] tokens = live.get(i).tokens();
      int[] banned = RepeatedNgrams.banned(tokens, tokens.length, options.noRepeatNgram());
      for (int v = 0; v < vocab; v++) {
        if (v == SpecialTokens.PAD || v == SpecialTokens.BOS || RepeatedNgrams.contains(banned, v)) {
          continue;
        }
        double s = base + lp[row + v];
        if (heap.size() < count) {
          heap.add(new Candidate(i, v, s));
        } else if (s > heap.peek().score()) {
          heap.poll();
          heap.add(new Candidate(i, v, s));
        }
      }
    }
    List<Candidate> sorted = new ArrayList<>(heap);
    sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return sorted;
  }
}

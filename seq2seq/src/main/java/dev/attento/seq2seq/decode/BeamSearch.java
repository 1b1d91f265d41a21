package dev.attento.seq2seq.decode;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.ops.WeightCache;
import dev.attento.core.ops.Shaping;
import dev.attento.core.ops.Softmax;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.SourceBatch;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Beam search (Sutskever et al. 2014, §3.2; Wu et al. 2016 for the length penalty): keeps the
 * {@code k} most probable partial translations of a sentence, run as a batch of {@code k}
 * rows through the decoder; a hypothesis that emits EOS is set aside and the best finished
 * one, by length-normalised score, wins.
 */
public final class BeamSearch {

  private BeamSearch() {}

  /** Decodes every sentence of {@code source}, one beam per sentence. */
  public static List<Hypothesis> decode(Translator model, SourceBatch source, DecodingOptions options) {
    List<Hypothesis> out = new ArrayList<>(source.batchSize());
    for (int b = 0; b < source.batchSize(); b++) {
      int len = source.lengths()[b];
      int[] ids = Arrays.copyOfRange(source.ids(), b * source.length(), b * source.length() + len);
      out.add(decodeOne(model, new SourceBatch(ids, new int[] {len}, len), options));
    }
    return out;
  }

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

  private static Hypothesis decodeOne(Translator model, SourceBatch source, DecodingOptions options) {
    try (Autodiff.NoGrad ignored = Autodiff.noGrad(); WeightCache cache = WeightCache.open()) {
      int k = options.beamSize();
      int maxLen = options.maxLength(source.length());
      DecoderState state = model.decoder().start(model.encoder().encode(source, false, null));
      boolean attends = model.config().usesAttention();
      List<Beam> beams = List.of(new Beam(new int[0], attends ? new float[0][] : null, 0.0));
      List<Hypothesis> finished = new ArrayList<>();
      for (int t = 0; t < maxLen && !beams.isEmpty(); t++) {
        int rows = beams.size();
        int[] prev = new int[rows];
        for (int i = 0; i < rows; i++) {
          Beam beam = beams.get(i);
          prev[i] = beam.tokens().length == 0 ? Translator.BOS : beam.tokens()[beam.tokens().length - 1];
        }
        Tensor input = Shaping.reshape(model.embedTargets(prev, rows, 1), rows, model.config().embeddingSize());
        Decoder.Step step = model.decoder().step(input, state, false, null);
        Tensor logProbs = Softmax.logSoftmax(model.logits(step.output(), false, null));
        List<Candidate> best = topCandidates(beams, logProbs, 2 * k);
        List<Beam> next = new ArrayList<>(k);
        List<Integer> parents = new ArrayList<>(k);
        boolean lastStep = t == maxLen - 1;
        for (int rank = 0; rank < best.size(); rank++) {
          Candidate c = best.get(rank);
          Beam parent = beams.get(c.beam());
          float[] weights = step.attention() == null ? null : row(step.attention(), c.beam());
          Beam extended = parent.extend(c.token(), weights, c.score() - parent.score());
          if (c.token() == Translator.EOS) {
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
        if (next.isEmpty() || cannotImprove(finished, next.get(0), maxLen, options.lengthPenalty())) {
          break;
        }
        beams = next;
        state = step.next().select(parents.stream().mapToInt(Integer::intValue).toArray());
      }
      return finished.stream()
          .max(Comparator.comparingDouble(h -> normalised(h, options.lengthPenalty())))
          .orElseThrow();
    }
  }

  /**
   * Whether no extension of the best live beam can beat the best finished hypothesis: a
   * beam's log-probability only falls as it grows, and the length penalty divides it by at
   * most that of the maximum length.
   */
  private static boolean cannotImprove(List<Hypothesis> finished, Beam bestLive, int maxLen, double alpha) {
    if (finished.isEmpty()) {
      return false;
    }
    double bestFinished = finished.stream().mapToDouble(h -> normalised(h, alpha)).max().orElseThrow();
    double bound = bestLive.score() / Math.pow((5.0 + maxLen) / 6.0, alpha);
    return bestFinished >= bound;
  }

  /** Log-probability divided by the GNMT length penalty ((5+|Y|)/6)^α. */
  static double normalised(Hypothesis h, double alpha) {
    int length = h.tokens().length + 1;
    return h.score() / Math.pow((5.0 + length) / 6.0, alpha);
  }

  private static List<Candidate> topCandidates(List<Beam> beams, Tensor logProbs, int count) {
    int vocab = logProbs.dim(1);
    float[] lp = logProbs.data();
    PriorityQueue<Candidate> heap = new PriorityQueue<>(Comparator.comparingDouble(Candidate::score));
    for (int i = 0; i < beams.size(); i++) {
      double base = beams.get(i).score();
      for (int v = 0; v < vocab; v++) {
        if (v == Translator.PAD || v == Translator.BOS) {
          continue;
        }
        double s = base + lp[i * vocab + v];
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

  private static float[] row(Tensor weights, int r) {
    int n = weights.dim(1);
    return Arrays.copyOfRange(weights.data(), r * n, (r + 1) * n);
  }
}

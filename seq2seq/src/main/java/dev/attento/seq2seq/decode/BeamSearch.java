package dev.attento.seq2seq.decode;

import dev.attento.core.ops.Forward;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.data.SourceBatch;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * Beam search over a batch of sentences at once: the live beams of every sentence are the
 * rows of one decoder batch, so each step is one set of matrix products however many
 * sentences are being translated. Each sentence keeps its own beam ({@link SentenceBeams});
 * after a step the decoder state follows the surviving beams by row selection, and sentences
 * whose search has ended drop out of the batch. Uses only the translator's decoding API; a
 * large batch is decoded in parts, one per thread ({@link DecodingShards}).
 */
public final class BeamSearch {

  private BeamSearch() {}

  /** Decodes every sentence of {@code source}, in order, in the inference pass {@code fwd}. */
  public static List<Hypothesis> decode(Forward fwd, Translator model, SourceBatch source, DecodingOptions options) {
    return decodeNBest(fwd, model, source, options, 1).stream().map(l -> l.get(0)).toList();
  }

  /**
   * Decodes every sentence of {@code source} and returns, for each, its {@code n} best
   * finished hypotheses by {@linkplain DecodingOptions#rankingScore(double, int, float[][], int)
   * score}, best first (fewer if the search finished
   * fewer; at least one).
   */
  public static List<List<Hypothesis>> decodeNBest(Forward fwd, Translator model, SourceBatch source,
                                                   DecodingOptions options, int n) {
    if (n < 1 || n > options.beamSize()) {
      throw new IllegalArgumentException("n-best must be between 1 and the beam size " + options.beamSize() + ", got " + n);
    }
    return DecodingShards.decode(fwd, source, options.beamSize(), (pass, part) -> decodeBatch(pass, model, part, options, n));
  }

  private static List<List<Hypothesis>> decodeBatch(Forward fwd, Translator model, SourceBatch source,
                                                    DecodingOptions options, int n) {
    int batch = source.batchSize();
    boolean attends = model.config().usesAttention();
    SentenceBeams[] beams = new SentenceBeams[batch];
    for (int b = 0; b < batch; b++) {
      beams[b] = new SentenceBeams(options, source.lengths()[b], attends);
    }
    DecoderState state = model.start(fwd, source);
    // Decoder rows belong to sentences in order: rowStart[b] is sentence b's first row.
    int[] rowStart = new int[batch + 1];
    for (int b = 0; b <= batch; b++) {
      rowStart[b] = b;
    }
    for (int t = 0; rowStart[batch] > 0; t++) {
      int rows = rowStart[batch];
      int[] prev = new int[rows];
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < beams[b].liveCount(); i++) {
          prev[rowStart[b] + i] = beams[b].lastToken(i);
        }
      }
      Translator.Prediction step = model.step(fwd, prev, state);
      Tensor logProbs = step.logProbs();
      options.removeForbidden(logProbs.data(), logProbs.dim(1));
      Tensor attention = step.attention();
      List<Integer> parents = new ArrayList<>();
      int[] nextStart = new int[batch + 1];
      for (int b = 0; b < batch; b++) {
        nextStart[b] = parents.size();
        if (rowStart[b + 1] > rowStart[b]) {
          int[] local = beams[b].advance(t, logProbs.data(), logProbs.dim(1), rowStart[b],
              attention == null ? null : attention.data(), attention == null ? 0 : attention.dim(1));
          for (int p : local) {
            parents.add(rowStart[b] + p);
          }
        }
      }
      nextStart[batch] = parents.size();
      rowStart = nextStart;
      if (!parents.isEmpty()) {
        state = step.next().select(fwd, parents.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    List<List<Hypothesis>> out = new ArrayList<>(batch);
    for (SentenceBeams b : beams) {
      out.add(b.best(n));
    }
    return out;
  }
}

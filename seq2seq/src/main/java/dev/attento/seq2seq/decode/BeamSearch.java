package dev.attento.seq2seq.decode;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.ops.Shaping;
import dev.attento.core.ops.Softmax;
import dev.attento.core.ops.WeightCache;
import dev.attento.core.tensor.Tensor;
import dev.attento.seq2seq.model.Decoder;
import dev.attento.seq2seq.model.DecoderState;
import dev.attento.seq2seq.model.SourceBatch;
import dev.attento.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * Beam search over a batch of sentences at once: the live beams of every sentence are the
 * rows of one decoder batch, so each step is one set of matrix products however many
 * sentences are being translated. Each sentence keeps its own beam ({@link SentenceBeams});
 * after a step the decoder state follows the surviving beams by row selection, and sentences
 * whose search has ended drop out of the batch. A batch of {@value #SPLIT} sentences or more
 * is decoded as two {@link Halves}, one per core.
 */
public final class BeamSearch {

  /** The smallest batch decoded as two halves (each sentence is several decoder rows). */
  static final int SPLIT = 8;

  private BeamSearch() {}

  /** Decodes every sentence of {@code source}, in order. */
  public static List<Hypothesis> decode(Translator model, SourceBatch source, DecodingOptions options) {
    return Halves.decode(source, SPLIT, (part, region) -> decodeBatch(model, part, options, region));
  }

  private static List<Hypothesis> decodeBatch(Translator model, SourceBatch source, DecodingOptions options,
                                              WeightCache region) {
    try (Autodiff.NoGrad ignored = Autodiff.noGrad(); WeightCache cache = WeightCache.join(region)) {
      int batch = source.batchSize();
      boolean attends = model.config().usesAttention();
      SentenceBeams[] beams = new SentenceBeams[batch];
      for (int b = 0; b < batch; b++) {
        beams[b] = new SentenceBeams(options, options.maxLength(source.lengths()[b]), attends);
      }
      DecoderState state = model.decoder().start(model.encoder().encode(source, false, null));
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
        Tensor input = Shaping.reshape(model.embedTargets(prev, rows, 1), rows, model.config().embeddingSize());
        Decoder.Step step = model.decoder().step(input, state, false, null);
        Tensor logProbs = Softmax.logSoftmax(model.logits(step.output(), false, null));
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
          state = step.next().select(parents.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      List<Hypothesis> out = new ArrayList<>(batch);
      for (SentenceBeams b : beams) {
        out.add(b.best());
      }
      return out;
    }
  }
}

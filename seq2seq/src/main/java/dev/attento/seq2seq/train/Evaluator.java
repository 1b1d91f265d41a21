package dev.attento.seq2seq.train;

import dev.attento.core.autodiff.Autodiff;
import dev.attento.core.ops.WeightCache;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.BatchPlan;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.decode.GreedySearch;
import dev.attento.seq2seq.decode.Hypothesis;
import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import java.util.ArrayList;
import java.util.List;

/** Dev-set evaluation during training: teacher-forced loss, and greedy decoding scored by exact match and BLEU. */
public final class Evaluator {

  private static final int BATCH = 64;

  private Evaluator() {}

  /** Evaluates {@code model} on the dev split of {@code data}. */
  public static Evaluation evaluate(TrainedModel model, List<Example> dev, List<SentencePair> devPairs) {
    double lossSum = 0;
    long tokens = 0;
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    int exact = 0;
    try (Autodiff.NoGrad ignored = Autodiff.noGrad(); WeightCache cache = WeightCache.open()) {
      for (Batch b : BatchPlan.sequential(dev, BATCH)) {
        int n = b.targetTokens();
        lossSum += model.translator().loss(b.source(), b.target(), false, null).item() * n;
        tokens += n;
        List<Hypothesis> out = GreedySearch.decode(model.translator(), b.source(), DecodingOptions.greedy());
        for (int i = 0; i < out.size(); i++) {
          Example e = b.examples().get(i);
          if (java.util.Arrays.equals(out.get(i).tokens(), e.target())) {
            exact++;
          }
          hyps.add(model.target().decode(out.get(i).tokens()));
          refs.add(devPairs.get(e.index()).target());
        }
      }
    }
    double bleu = hyps.isEmpty() ? 0 : Bleu.corpus(hyps, refs).score();
    double chrf = hyps.isEmpty() ? 0 : ChrF.corpus(hyps, refs);
    return new Evaluation(tokens == 0 ? 0 : lossSum / tokens, dev.isEmpty() ? 0 : (double) exact / dev.size(), bleu,
        chrf, dev.size());
  }
}

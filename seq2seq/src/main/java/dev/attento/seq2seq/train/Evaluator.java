package dev.attento.seq2seq.train;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.bundle.ModelBundle;
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

  /**
   * Evaluates {@code model} on the dev examples, in one inference pass on {@code kernels}
   * (nothing recorded, no dropout, weights packed once for the whole dev set).
   */
  public static Evaluation evaluate(ModelBundle model, List<Example> dev, List<SentencePair> devPairs, Kernels kernels) {
    Forward fwd = Forward.inference(kernels);
    double lossSum = 0;
    long tokens = 0;
    List<String> hyps = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    int exact = 0;
    DecodingOptions greedy = model.searchOptions(DecodingOptions.greedy());
    for (Batch b : BatchPlan.sequential(dev, BATCH)) {
      int n = b.targetTokens();
      lossSum += model.translator().loss(fwd, b.source(), b.target()).item() * n;
      tokens += n;
      List<Hypothesis> out = GreedySearch.decode(fwd, model.translator(), b.source(), greedy);
      for (int i = 0; i < out.size(); i++) {
        Example e = b.examples().get(i);
        if (java.util.Arrays.equals(out.get(i).tokens(), e.target())) {
          exact++;
        }
        hyps.add(model.target().decode(out.get(i).tokens()));
        refs.add(devPairs.get(e.index()).target());
      }
    }
    double bleu = hyps.isEmpty() ? 0 : Bleu.corpus(hyps, refs).score();
    double chrf = hyps.isEmpty() ? 0 : ChrF.corpus(hyps, refs);
    return new Evaluation(tokens == 0 ? 0 : lossSum / tokens, dev.isEmpty() ? 0 : (double) exact / dev.size(), bleu,
        chrf, dev.size());
  }
}

package dev.attento.serve.model;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.translate.ContinuousTranslation;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.serve.engine.ContinuousDecoding;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.Hypothesis;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trained {@link ModelBundle} as the server's {@link TranslationEngine}: a batch of texts goes
 * through the same {@link TextTranslator} that {@code attento translate} uses (tokenize, decode
 * as one batch — greedy search for beam 1, else batched beam search with n-best lists —,
 * detokenize), and its translations become the server's records. One translator, and so one
 * inference pass, lives as long as the engine, so the weights are packed once; the model's
 * weights never change while it serves.
 *
 * <p>A request's {@code maxLength} is the most target tokens any sentence may get; every
 * sentence also stops at its end-of-sentence token.
 */
public final class BundleEngine implements TranslationEngine {

  private final ModelInfo info;
  private final TextTranslator translator;

  /**
   * @param info what {@code GET /v1/models} says about the model
   * @param kernels what to decode with (its pool shares a batch out over the cores)
   */
  public BundleEngine(ModelInfo info, ModelBundle model, Kernels kernels) {
    this.info = info;
    this.translator = new TextTranslator(model, DecodingOptions.greedy(), false, kernels);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
    List<SentenceResult> results = new ArrayList<>(sources.size());
    for (List<Translation> nBest : translator.translateNBest(sources, options.nbest(), decoding(options))) {
      results.add(result(nBest, options));
    }
    return results;
  }

  /** Greedy search (beam 1, one translation a sentence) is decoded continuously; beam search is not. */
  @Override
  public Optional<ContinuousDecoding> continuous(DecodeOptions options) {
    if (options.beam() != 1 || options.nbest() != 1) {
      return Optional.empty();
    }
    ContinuousTranslation decoding = translator.continuous(decoding(options));
    return Optional.of(new ContinuousDecoding() {
      @Override
      public void admit(List<String> sources, int[] ids) {
        decoding.admit(sources, ids);
      }

      @Override
      public List<Done> step() {
        return decoding.step().stream().map(d -> new Done(d.id(), result(List.of(d.translation()), options))).toList();
      }

      @Override
      public int size() {
        return decoding.size();
      }
    });
  }

  /** The request's options for the search; ratio 0: the request's maxLength is the limit for every sentence. */
  private static DecodingOptions decoding(DecodeOptions options) {
    return new DecodingOptions(options.beam(), options.lengthPenalty(), 0, options.maxLength(), true,
        options.noRepeatNgram(), options.coveragePenalty());
  }

  private static SentenceResult result(List<Translation> nBest, DecodeOptions options) {
    List<Hypothesis> hypotheses = new ArrayList<>(nBest.size());
    for (Translation t : nBest) {
      hypotheses.add(new Hypothesis(t.text(), t.score(), t.targetTokens(), options.attention() ? attention(t) : null));
    }
    return new SentenceResult(nBest.get(0).sourceTokens(), hypotheses);
  }

  /**
   * One row per target token over the source tokens, or {@code null} for a fixed-context
   * model, which has no attention to show (an empty sentence has no rows).
   */
  private static List<List<Double>> attention(Translation t) {
    if (t.attention() == null) {
      return t.sourceTokens().isEmpty() ? List.of() : null;
    }
    List<List<Double>> rows = new ArrayList<>(t.targetTokens().size());
    for (int row = 0; row < t.targetTokens().size(); row++) {
      List<Double> weights = new ArrayList<>(t.sourceTokens().size());
      for (int s = 0; s < t.sourceTokens().size(); s++) {
        weights.add((double) t.attention()[row][s]);
      }
      rows.add(weights);
    }
    return rows;
  }
}

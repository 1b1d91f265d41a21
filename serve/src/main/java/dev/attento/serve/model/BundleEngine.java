package dev.attento.serve.model;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.decode.BeamSearch;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.decode.GreedySearch;
import dev.attento.seq2seq.text.TextCodec;
import dev.attento.serve.engine.DecodeOptions;
import dev.attento.serve.engine.Hypothesis;
import dev.attento.serve.engine.ModelInfo;
import dev.attento.serve.engine.SentenceResult;
import dev.attento.serve.engine.TranslationEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained {@link ModelBundle} as the server's {@link TranslationEngine}: a batch of texts is
 * tokenized, decoded as one batch (greedy search for beam 1, else batched beam search with
 * n-best lists) and detokenized. One inference pass lives as long as the engine, so the
 * weights are packed once; the model's weights never change while it serves.
 *
 * <p>A request's {@code maxLength} is the most target tokens any sentence may get; every
 * sentence also stops at its end-of-sentence token.
 */
public final class BundleEngine implements TranslationEngine {

  private final ModelInfo info;
  private final ModelBundle model;
  private final Forward fwd;

  /**
   * @param info what {@code GET /v1/models} says about the model
   * @param kernels what to decode with (its pool shares a batch out over the cores)
   */
  public BundleEngine(ModelInfo info, ModelBundle model, Kernels kernels) {
    this.info = info;
    this.model = model;
    this.fwd = Forward.inference(kernels);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<SentenceResult> translate(List<String> sources, DecodeOptions options) {
    TextCodec source = model.source();
    SentenceResult[] results = new SentenceResult[sources.size()];
    List<Example> examples = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<List<String>> sourceTokens = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      List<String> tokens = source.tokenizer().tokenize(sources.get(i));
      sourceTokens.add(tokens);
      if (tokens.isEmpty()) {
        List<List<Double>> noAttention = options.attention() ? List.of() : null;
        results[i] = new SentenceResult(List.of(), List.of(new Hypothesis("", 0, List.of(), noAttention)));
      } else {
        examples.add(new Example(i, source.vocabulary().encode(tokens), new int[0]));
        positions.add(i);
      }
    }
    if (!examples.isEmpty()) {
      Batch batch = Batch.of(examples);
      // ratio 0: the request's maxLength is the limit for every sentence.
      DecodingOptions decoding = new DecodingOptions(options.beam(), options.lengthPenalty(), 0, options.maxLength());
      List<List<dev.attento.seq2seq.decode.Hypothesis>> decoded = options.beam() == 1
          ? GreedySearch.decode(fwd, model.translator(), batch.source(), decoding).stream().map(List::of).toList()
          : BeamSearch.decodeNBest(fwd, model.translator(), batch.source(), decoding, options.nbest());
      for (int k = 0; k < decoded.size(); k++) {
        int i = positions.get(k);
        List<String> shown = displayTokens(source, examples.get(k).source());
        List<Hypothesis> hypotheses = new ArrayList<>();
        for (dev.attento.seq2seq.decode.Hypothesis h : decoded.get(k)) {
          hypotheses.add(toHypothesis(h, shown.size(), options.attention()));
        }
        results[i] = new SentenceResult(shown, hypotheses);
      }
    }
    return List.of(results);
  }

  /** The source as the model saw it: each id's token ({@code <unk>} for words it does not know). */
  private static List<String> displayTokens(TextCodec source, int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(source.vocabulary().token(id));
    }
    return out;
  }

  private Hypothesis toHypothesis(dev.attento.seq2seq.decode.Hypothesis h, int sourceLength, boolean withAttention) {
    List<String> tokens = new ArrayList<>(h.tokens().length);
    for (int id : h.tokens()) {
      tokens.add(model.target().vocabulary().token(id));
    }
    List<List<Double>> attention = null; // also for a fixed-context model, which has none to show
    if (withAttention && h.attention() != null) {
      attention = new ArrayList<>(tokens.size());
      for (int t = 0; t < tokens.size(); t++) {
        List<Double> row = new ArrayList<>(sourceLength);
        for (int s = 0; s < sourceLength; s++) {
          row.add((double) h.attention()[t][s]);
        }
        attention.add(row);
      }
    }
    return new Hypothesis(model.target().tokenizer().detokenize(tokens), h.score(), tokens, attention);
  }
}

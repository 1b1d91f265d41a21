package dev.attento.seq2seq.translate;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.ops.Forward;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.data.Batch;
import dev.attento.seq2seq.data.Example;
import dev.attento.seq2seq.decode.BeamSearch;
import dev.attento.seq2seq.decode.ContinuousGreedySearch;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.decode.GreedySearch;
import dev.attento.seq2seq.decode.Hypothesis;
import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates text with a trained model: tokenize, map to ids, decode (greedy in batches, or
 * beam search), map back and detokenize. With {@code replaceUnknown}, an output UNK becomes
 * the source token it attended to most (Luong et al. 2015b's "copy" trick for rare words).
 */
public final class TextTranslator {

  private final ModelBundle model;
  private final DecodingOptions options;
  private final boolean replaceUnknown;
  private final Forward fwd;

  /**
   * A translator with the given decoding options, computing on {@code kernels}. Its inference
   * pass lives as long as it does, so the weights are packed once for all calls; the model's
   * weights must not change meanwhile. Safe to call from several threads at once.
   */
  public TextTranslator(ModelBundle model, DecodingOptions options, boolean replaceUnknown, Kernels kernels) {
    this.model = model;
    this.options = options;
    this.replaceUnknown = replaceUnknown;
    this.fwd = Forward.inference(kernels);
  }

  /** Translates each sentence (in order); an empty sentence translates to an empty one. */
  public List<Translation> translate(List<String> sentences) {
    return translateNBest(sentences, 1).stream().map(l -> l.get(0)).toList();
  }

  /**
   * The {@code n} best translations of each sentence (in order), best first by the score beam
   * search ranks by ({@link DecodingOptions#rankingScore}); fewer if the search finished fewer.
   *
   * @param n between 1 and the beam size
   */
  public List<List<Translation>> translateNBest(List<String> sentences, int n) {
    return translateNBest(sentences, n, options);
  }

  /**
   * As {@link #translateNBest(List, int)}, decoding with {@code options} instead of this
   * translator's own (a server's per-request beam and length limit), in the same pass.
   */
  public List<List<Translation>> translateNBest(List<String> sentences, int n, DecodingOptions options) {
    if (n < 1 || n > options.beamSize()) {
      throw new IllegalArgumentException("n-best " + n + " needs a beam of at least " + n + " (the beam is "
          + options.beamSize() + ")");
    }
    List<Example> batch = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<List<Translation>> results = new ArrayList<>(java.util.Collections.nCopies(sentences.size(), null));
    for (int i = 0; i < sentences.size(); i++) {
      int[] ids = sourceIds(sentences.get(i));
      if (ids.length == 0) {
        results.set(i, List.of(Translation.empty(sentences.get(i))));
        continue;
      }
      batch.add(new Example(i, ids, new int[0]));
      positions.add(i);
    }
    if (!batch.isEmpty()) {
      Batch b = Batch.of(batch);
      DecodingOptions search = model.searchOptions(options);
      List<List<Hypothesis>> hyps = search.beamSize() > 1
          ? BeamSearch.decodeNBest(fwd, model.translator(), b.source(), search, n)
          : GreedySearch.decode(fwd, model.translator(), b.source(), search).stream().map(List::of).toList();
      for (int k = 0; k < hyps.size(); k++) {
        int i = positions.get(k);
        int[] source = batch.get(k).source();
        results.set(i, hyps.get(k).stream().map(h -> toTranslation(sentences.get(i), source, h)).toList());
      }
    }
    return results;
  }

  /**
   * A greedy translation that sentences join and leave between decoding steps (continuous
   * batching, for a server under load), with {@code options} (beam size 1), in this
   * translator's pass. The model's rules for the target apply as in {@link #translateNBest}.
   */
  public ContinuousTranslation continuous(DecodingOptions options) {
    return new ContinuousTranslation(this, fwd, new ContinuousGreedySearch(model.translator(), model.searchOptions(options)));
  }

  /** Tokenizes and maps one sentence to source ids (empty for a sentence without tokens). */
  int[] sourceIds(String sentence) {
    List<String> tokens = model.source().tokenizer().tokenize(sentence);
    return tokens.isEmpty() ? new int[0] : model.source().vocabulary().encode(tokens);
  }

  Translation toTranslation(String text, int[] sourceIds, Hypothesis h) {
    Vocabulary sv = model.source().vocabulary();
    Vocabulary tv = model.target().vocabulary();
    List<String> originalTokens = replaceUnknown ? model.source().tokenizer().tokenize(text) : List.of();
    List<String> sourceTokens = new ArrayList<>();
    for (int id : sourceIds) {
      sourceTokens.add(sv.token(id));
    }
    List<String> target = new ArrayList<>();
    for (int t = 0; t < h.tokens().length; t++) {
      int id = h.tokens()[t];
      if (id == SpecialTokens.UNK && replaceUnknown && h.attention() != null) {
        target.add(originalTokens.get(argmax(h.attention()[t], originalTokens.size())));
      } else {
        target.add(tv.token(id));
      }
    }
    float[][] attention = null;
    if (h.attention() != null) {
      attention = new float[h.attention().length][];
      for (int t = 0; t < attention.length; t++) {
        attention[t] = java.util.Arrays.copyOf(h.attention()[t], sourceIds.length);
      }
    }
    return new Translation(text, sourceTokens, target, model.target().tokenizer().detokenize(target), h.score(), attention);
  }

  private static int argmax(float[] w, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (w[i] > w[best]) {
        best = i;
      }
    }
    return best;
  }
}

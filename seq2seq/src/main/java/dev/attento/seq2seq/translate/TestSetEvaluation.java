package dev.attento.seq2seq.translate;

import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.eval.LengthBuckets;
import dev.attento.seq2seq.eval.QualityReport;
import dev.attento.seq2seq.text.TextCodec;
import java.util.ArrayList;
import java.util.List;

/** Translates a test set with a model and scores it ({@code attento eval}, {@code attento compare}). */
public final class TestSetEvaluation {

  /**
   * The outcome.
   *
   * @param translations the model's output, in test-set order
   * @param sentences the scored sentences (for resampling)
   * @param report scores overall and by length
   */
  public record Outcome(List<Translation> translations, List<QualityReport.Sentence> sentences, QualityReport report) {}

  private TestSetEvaluation() {}

  /**
   * Translates {@code pairs} in chunks of 64 and scores them with the given buckets.
   *
   * @param target the model's target side, which tokenizes the references for scoring
   */
  public static Outcome run(TextCodec target, TextTranslator translator, List<SentencePair> pairs, LengthBuckets buckets) {
    return run(target, translator, pairs, buckets, n -> { });
  }

  /** As {@link #run(TextCodec, TextTranslator, List, LengthBuckets)}, reporting each translated chunk's size. */
  public static Outcome run(TextCodec target, TextTranslator translator, List<SentencePair> pairs, LengthBuckets buckets,
                            java.util.function.IntConsumer progress) {
    List<Translation> all = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i += 64) {
      List<String> chunk = pairs.subList(i, Math.min(pairs.size(), i + 64)).stream().map(SentencePair::source).toList();
      all.addAll(translator.translate(chunk));
      progress.accept(chunk.size());
    }
    List<QualityReport.Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Translation t = all.get(i);
      List<String> refTokens = target.tokenizer().tokenize(pairs.get(i).target());
      sentences.add(new QualityReport.Sentence(t.sourceTokens().size(), t.text(), pairs.get(i).target(),
          t.targetTokens(), refTokens));
    }
    return new Outcome(all, sentences, QualityReport.of(sentences, buckets));
  }
}

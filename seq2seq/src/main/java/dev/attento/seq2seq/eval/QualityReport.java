package dev.attento.seq2seq.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Translation quality of a test set, overall and by source-length bucket: corpus BLEU and
 * chrF on detokenized text, exact match and token accuracy on tokens.
 *
 * @param overall the whole test set
 * @param buckets one row per non-empty length bucket
 */
public record QualityReport(Row overall, List<Row> buckets) {

  /**
   * Scores of a group of sentences.
   *
   * @param label {@code all} or a bucket label such as {@code 6-10}
   * @param sentences how many
   * @param bleu corpus BLEU
   * @param chrf corpus chrF2
   * @param exactMatch fraction exactly right
   * @param tokenAccuracy mean token accuracy
   */
  public record Row(String label, int sentences, double bleu, double chrf, double exactMatch, double tokenAccuracy) {}

  /** One scored sentence. */
  public record Sentence(int sourceLength, String hypothesis, String reference, List<String> hypothesisTokens,
                         List<String> referenceTokens) {}

  /** Scores sentences overall and per bucket. */
  public static QualityReport of(List<Sentence> sentences, LengthBuckets buckets) {
    List<List<Sentence>> groups = new ArrayList<>();
    for (int b = 0; b < buckets.count(); b++) {
      groups.add(new ArrayList<>());
    }
    for (Sentence s : sentences) {
      groups.get(buckets.bucket(s.sourceLength())).add(s);
    }
    List<Row> rows = new ArrayList<>();
    for (int b = 0; b < groups.size(); b++) {
      if (!groups.get(b).isEmpty()) {
        rows.add(row(b == 0 ? firstLabel(buckets, groups.get(0)) : buckets.label(b), groups.get(b)));
      }
    }
    return new QualityReport(row("all", sentences), rows);
  }

  /**
   * The first bucket starts at length 1 but is labelled from its shortest sentence, so a test
   * set of lengths 5–25 reads {@code 5-10}, not {@code 1-10}.
   */
  private static String firstLabel(LengthBuckets buckets, List<Sentence> group) {
    int shortest = group.stream().mapToInt(Sentence::sourceLength).min().orElse(1);
    int[] upper = buckets.upperBounds();
    return upper.length == 0 || shortest <= 1 ? buckets.label(0) : shortest + "-" + upper[0];
  }

  private static Row row(String label, List<Sentence> group) {
    List<String> hyps = group.stream().map(Sentence::hypothesis).toList();
    List<String> refs = group.stream().map(Sentence::reference).toList();
    double exact = group.stream().filter(s -> SequenceMetrics.exact(s.hypothesisTokens(), s.referenceTokens())).count();
    double acc = group.stream().mapToDouble(s -> SequenceMetrics.tokenAccuracy(s.hypothesisTokens(), s.referenceTokens()))
        .sum();
    int n = group.size();
    return new Row(label, n, n == 0 ? 0 : Bleu.corpus(hyps, refs).score(), n == 0 ? 0 : ChrF.corpus(hyps, refs),
        n == 0 ? 0 : exact / n, n == 0 ? 0 : acc / n);
  }
}

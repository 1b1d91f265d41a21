package dev.attento.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void tokenizer13aSplitsLikeMteval() {
    assertEquals("Hello , world ! 3.5 and 1,000 , e . g .", Tokenizer13a.tokenize("Hello, world! 3.5 and 1,000, e.g."));
    assertEquals("a & b \" c", Tokenizer13a.tokenize("a &amp; b &quot; c"));
  }

  @Test
  void perfectAndEmptyHypotheses() {
    assertEquals(100.0, Bleu.corpus(List.of("the cat sat on the mat"), List.of("the cat sat on the mat")).score(), 1e-9);
    assertEquals(0.0, Bleu.corpus(List.of(""), List.of("the cat")).score(), 1e-9);
    assertEquals(100.0, ChrF.corpus(List.of("gatto"), List.of("gatto")), 1e-9);
    assertEquals(0.0, ChrF.corpus(List.of("xyz"), List.of("gatto")), 1e-9);
  }

  @Test
  void sequenceMetricsCountPositionsPastTheEndAsWrong() {
    assertTrue(SequenceMetrics.exact(List.of("a", "b"), List.of("a", "b")));
    assertEquals(0.5, SequenceMetrics.tokenAccuracy(List.of("a"), List.of("a", "b")), 1e-12);
    assertEquals(0.5, SequenceMetrics.tokenAccuracy(List.of("a", "x", "c"), List.of("a", "b")), 1e-12);
  }

  @Test
  void lengthBucketsLabelAndAssign() {
    LengthBuckets b = new LengthBuckets(new int[] {10, 15, 20, 25});
    assertEquals(0, b.bucket(5));
    assertEquals(1, b.bucket(11));
    assertEquals(4, b.bucket(30));
    assertEquals("1-10", b.label(0));
    assertEquals("26+", b.label(4));
    assertEquals("6-10", LengthBuckets.ofWidth(5, 25).label(1));
    assertArrayEquals(new int[] {10, 15, 20, 25}, LengthBuckets.parse("10, 15,20,25").upperBounds());
    assertThrows(IllegalArgumentException.class, () -> LengthBuckets.parse("10,10"));
    assertThrows(IllegalArgumentException.class, () -> LengthBuckets.parse("0,5"));
    assertThrows(IllegalArgumentException.class, () -> LengthBuckets.parse("10,x"));
  }

  @Test
  void theFirstBucketIsLabelledFromItsShortestSentence() {
    List<QualityReport.Sentence> s = new ArrayList<>();
    for (int len : new int[] {5, 7, 12, 25, 30}) {
      List<String> toks = java.util.Collections.nCopies(len, "a");
      s.add(new QualityReport.Sentence(len, String.join(" ", toks), String.join(" ", toks), toks, toks));
    }
    QualityReport r = QualityReport.of(s, LengthBuckets.parse("10,15,20,25"));
    assertEquals(List.of("5-10", "11-15", "21-25", "26+"), r.buckets().stream().map(QualityReport.Row::label).toList());
    assertEquals(List.of(2, 1, 1, 1), r.buckets().stream().map(QualityReport.Row::sentences).toList());
    s.add(new QualityReport.Sentence(1, "a", "a", List.of("a"), List.of("a")));
    assertEquals("1-10", QualityReport.of(s, LengthBuckets.parse("10,15,20,25")).buckets().get(0).label());
  }

  @Test
  void bootstrapSeparatesAClearlyBetterSystemAndNotIdenticalOnes() {
    List<String> refs = new ArrayList<>();
    List<String> good = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String ref = "the number " + i + " is written in words by the model";
      refs.add(ref);
      good.add(i % 6 == 0 ? "the number is written in words" : ref);
      bad.add(i % 2 == 0 ? "a number written" : ref);
    }
    Bleu.Stats[] g = new Bleu.Stats[refs.size()];
    Bleu.Stats[] b = new Bleu.Stats[refs.size()];
    for (int i = 0; i < refs.size(); i++) {
      g[i] = Bleu.stats(good.get(i), refs.get(i));
      b[i] = Bleu.stats(bad.get(i), refs.get(i));
    }
    PairedBootstrap.Result better = PairedBootstrap.bleu(g, b, 300, 1);
    assertTrue(better.significant(), "p = " + better.pValue());
    assertTrue(better.aLow() <= better.a() && better.a() <= better.aHigh());
    PairedBootstrap.Result same = PairedBootstrap.bleu(g, g, 300, 1);
    assertFalse(same.significant(), "identical systems: p = " + same.pValue());
    assertEquals(same, PairedBootstrap.bleu(g, g, 300, 1), "deterministic for a seed");
  }
}

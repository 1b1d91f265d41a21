package dev.attento.spark.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import dev.attento.seq2seq.eval.PairedBootstrap;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.TinyRun;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class CorpusEvaluationTest {

  /** References from the dates task; hypotheses that get some of them partly wrong, and one empty. */
  static List<String[]> pairs() {
    List<String[]> pairs = new ArrayList<>();
    List<SentencePair> data = TinyRun.unseen(60);
    for (int i = 0; i < data.size(); i++) {
      String ref = data.get(i).target();
      String hyp = switch (i % 4) {
        case 0 -> ref;
        case 1 -> ref.replaceFirst("\\d+", "17");
        case 2 -> ref.substring(0, ref.length() / 2);
        default -> i == 7 ? "" : "il " + ref + " circa";
      };
      pairs.add(new String[] {hyp, ref});
    }
    return pairs;
  }

  static Dataset<Row> dataset(SparkSession spark, List<String[]> pairs, int partitions) {
    List<Row> rows = pairs.stream().map(p -> RowFactory.create(p[0], p[1])).toList();
    return spark.createDataFrame(rows, new StructType().add("hyp", DataTypes.StringType).add("ref", DataTypes.StringType))
        .repartition(partitions);
  }

  @Test
  void scoresFromPartitionSumsEqualTheCorpusScores(SparkSession spark) {
    List<String[]> pairs = pairs();
    List<String> hyps = pairs.stream().map(p -> p[0]).toList();
    List<String> refs = pairs.stream().map(p -> p[1]).toList();
    Bleu.Score expected = Bleu.corpus(hyps, refs);
    SufficientStatistics stats = CorpusEvaluation.statistics(dataset(spark, pairs, 3), "hyp", "ref");
    assertEquals(pairs.size(), stats.sentences());
    Bleu.Score bleu = stats.bleu();
    assertEquals(expected.score(), bleu.score(), 0.0);
    assertArrayEquals(expected.precisions(), bleu.precisions(), 0.0);
    assertEquals(expected.brevityPenalty(), bleu.brevityPenalty(), 0.0);
    assertEquals(expected.sysLen(), bleu.sysLen());
    assertEquals(expected.refLen(), bleu.refLen());
    assertEquals(ChrF.corpus(hyps, refs), stats.chrf(), 0.0);
  }

  @Test
  void perSentenceStatisticsAddUpToTheCorpus(SparkSession spark) {
    List<String[]> pairs = pairs();
    SufficientStatistics summed = new SufficientStatistics();
    CorpusEvaluation.perSentence(dataset(spark, pairs, 2), "hyp", "ref").collect().forEach(summed::merge);
    SufficientStatistics direct = new SufficientStatistics();
    pairs.forEach(p -> direct.add(p[0], p[1]));
    assertEquals(direct.bleu().score(), summed.bleu().score(), 0.0);
    assertEquals(direct.chrf(), summed.chrf(), 0.0);
  }

  @Test
  void pairedBootstrapOverCollectedStatisticsEqualsAttentoEvals(SparkSession spark) {
    List<String[]> pairs = pairs();
    // System A: the hypotheses above; system B: every hypothesis cut to its first half.
    List<Row> rows = pairs.stream().map(p -> RowFactory.create(p[0], p[0].substring(0, p[0].length() / 2), p[1])).toList();
    Dataset<Row> both = spark.createDataFrame(rows, new StructType().add("a", DataTypes.StringType)
        .add("b", DataTypes.StringType).add("ref", DataTypes.StringType));
    CorpusEvaluation.Comparison c = CorpusEvaluation.pairedBootstrap(both, "a", "b", "ref", 200, 7);

    Bleu.Stats[] bleuA = new Bleu.Stats[rows.size()];
    Bleu.Stats[] bleuB = new Bleu.Stats[rows.size()];
    ChrF.Stats[] chrfA = new ChrF.Stats[rows.size()];
    ChrF.Stats[] chrfB = new ChrF.Stats[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      bleuA[i] = Bleu.stats(rows.get(i).getString(0), rows.get(i).getString(2));
      bleuB[i] = Bleu.stats(rows.get(i).getString(1), rows.get(i).getString(2));
      chrfA[i] = ChrF.stats(rows.get(i).getString(0), rows.get(i).getString(2));
      chrfB[i] = ChrF.stats(rows.get(i).getString(1), rows.get(i).getString(2));
    }
    assertEquals(PairedBootstrap.bleu(bleuA, bleuB, 200, 7), c.bleu());
    assertEquals(PairedBootstrap.chrf(chrfA, chrfB, 200, 7), c.chrf());
    assertTrue(c.chrf().significant() && c.chrf().a() > c.chrf().b(), c.chrf().toString());
  }

  @Test
  void anEmptyCorpusScoresZero() {
    SufficientStatistics none = new SufficientStatistics();
    assertEquals(0.0, none.bleu().score());
    assertEquals(0.0, none.chrf());
  }
}

package dev.attento.spark.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.TinyRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class CorpusTranslationTest {

  @TempDir
  static Path dir;
  static Path run;
  static List<String> sentences;

  @BeforeAll
  static void trainTinyRun() {
    run = TinyRun.train(dir.resolve("run"));
    sentences = new ArrayList<>(TinyRun.unseen(37).stream().map(SentencePair::source).toList());
    sentences.add(5, "");
    sentences.add(20, "zebra quokka, 1999");
  }

  /** What attento translate does: the whole input in chunks of 64 on one translator. */
  static List<Translation> single(DecodingOptions options) {
    TextTranslator translator = new TextTranslator(Checkpoints.loadModel(run, null), options, false, Kernels.detect());
    List<Translation> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i += 64) {
      out.addAll(translator.translate(sentences.subList(i, Math.min(sentences.size(), i + 64))));
    }
    return out;
  }

  static Dataset<Row> corpus(SparkSession spark, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      rows.add(RowFactory.create("s" + (9000 - i), sentences.get(i)));
    }
    StructType schema = new StructType().add("key", DataTypes.StringType).add("sentence", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(1).coalesce(1).repartitionByRange(partitions,
        org.apache.spark.sql.functions.col("key").desc());
  }

  void assertSameAsOneProcess(SparkSession spark, DecodingOptions options, int partitions, int batchSize) {
    TranslationRequest request = TranslationRequest.of(run.toString(), options, false)
        .withColumns("key", "sentence").withBatchSize(batchSize);
    Dataset<Row> translated = CorpusTranslation.translate(corpus(spark, partitions), request);
    assertEquals(partitions, translated.javaRDD().getNumPartitions());
    List<Row> rows = translated.collectAsList();
    List<Translation> expected = single(options);
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals("s" + (9000 - i), r.getString(0), "ids keep the input's order");
      assertEquals(sentences.get(i), r.getString(1));
      assertEquals(expected.get(i).text(), r.getString(2), "sentence " + i);
      assertEquals(expected.get(i).score(), r.getDouble(3), 0.0, "sentence " + i);
    }
  }

  @Test
  void greedyOutputEqualsOneProcessSentenceForSentence(SparkSession spark) {
    assertSameAsOneProcess(spark, DecodingOptions.greedy(), 3, 5);
  }

  @Test
  void beamOutputEqualsOneProcessSentenceForSentence(SparkSession spark) {
    assertSameAsOneProcess(spark, DecodingOptions.beam(3), 2, 7);
  }

  @Test
  void aRunIsFoundByPathOrFileUri() {
    assertEquals(run, ModelLocation.resolve(run.toString()));
    assertEquals(run, ModelLocation.resolve(run.toUri().toString()));
  }

  @Test
  void eachJvmLoadsARunOnce() {
    assertSame(ExecutorModels.get(run.toString()), ExecutorModels.get(run.toString()));
  }
}

package dev.attento.spark.translate;

import dev.attento.core.kernels.Kernels;
import dev.attento.core.parallel.WorkerPool;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Translates a corpus held in a {@code Dataset<Row>}, as a function a Spark application calls:
 * {@code CorpusTranslation.translate(sentences, request)} returns one row per input row, in the
 * input's order (partition by partition, and in order within each), with the columns
 * {@code id} (the request's id column, unchanged), {@code source}, {@code translation} and
 * {@code score} (the output's log-probability).
 *
 * <p>Each task decodes its partition in batches of {@link TranslationRequest#batchSize()} with
 * the model its executor holds ({@link ExecutorModels}), on one thread: the parallelism is
 * Spark's, one task per core. A sentence's translation does not depend on its neighbours in a
 * batch, so the output equals {@link TextTranslator}'s, sentence for sentence, whatever the
 * partitioning.
 */
public final class CorpusTranslation {

  private CorpusTranslation() {}

  /** The translations of {@code sentences} (see the class comment for the columns). */
  public static Dataset<Row> translate(Dataset<Row> sentences, TranslationRequest request) {
    StructField id = sentences.schema().apply(request.idColumn());
    sentences.schema().apply(request.textColumn()); // a missing column fails here, on the driver, naming it
    StructType out = new StructType(new StructField[] {
        new StructField("id", id.dataType(), id.nullable(), id.metadata()),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("translation", DataTypes.StringType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false)});
    return sentences.select(request.idColumn(), request.textColumn())
        .mapPartitions(new PartitionTranslator(request), Encoders.row(out));
  }

  /** Decodes one partition, a batch at a time, as the rows are consumed. */
  private record PartitionTranslator(TranslationRequest request) implements MapPartitionsFunction<Row, Row> {

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TextTranslator translator = new TextTranslator(ExecutorModels.get(request.model(), request.plugins()), request.decodingOptions(),
          request.replaceUnknown(), Kernels.choose(Kernels.Choice.AUTO, WorkerPool.single()));
      return new Iterator<>() {
        private Iterator<Row> batch = List.<Row>of().iterator();

        @Override
        public boolean hasNext() {
          if (!batch.hasNext() && rows.hasNext()) {
            batch = translateNextBatch(translator, rows);
          }
          return batch.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return batch.next();
        }
      };
    }

    private Iterator<Row> translateNextBatch(TextTranslator translator, Iterator<Row> rows) {
      List<Object> ids = new ArrayList<>(request.batchSize());
      List<String> texts = new ArrayList<>(request.batchSize());
      while (rows.hasNext() && ids.size() < request.batchSize()) {
        Row row = rows.next();
        ids.add(row.get(0));
        texts.add(row.isNullAt(1) ? "" : row.getString(1));
      }
      List<Translation> translations = translator.translate(texts);
      Row[] out = new Row[ids.size()];
      for (int i = 0; i < out.length; i++) {
        Translation t = translations.get(i);
        out[i] = RowFactory.create(ids.get(i), t.source(), t.text(), t.score());
      }
      return Arrays.asList(out).iterator();
    }
  }
}

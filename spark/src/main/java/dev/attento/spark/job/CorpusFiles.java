package dev.attento.spark.job;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads corpora from, and writes translations to, any path Hadoop can read ({@code file:},
 * {@code hdfs:}, {@code s3a:}, …), in the formats the jobs accept.
 */
final class CorpusFiles {

  /** The input formats: a sentence a line, {@code id<TAB>sentence} lines, or Parquet. */
  static final List<String> INPUT_FORMATS = List.of("text", "tsv", "parquet");
  /** The output formats: translations alone a line, {@code id, source, translation, score} as TSV, or Parquet. */
  static final List<String> OUTPUT_FORMATS = List.of("text", "tsv", "parquet");

  private CorpusFiles() {}

  /** The format a path's extension suggests: {@code .parquet}, {@code .tsv}, otherwise text. */
  static String formatOf(String path) {
    String lower = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    return lower.endsWith(".parquet") ? "parquet" : lower.endsWith(".tsv") ? "tsv" : "text";
  }

  /**
   * The lines of text files, in order, as columns {@code id} (the line number from 1, over the
   * files in the order Hadoop lists them) and {@code text}.
   */
  static Dataset<Row> lines(SparkSession spark, String path) {
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(path)
        .zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1()));
    return spark.createDataFrame(rows, new StructType()
        .add("id", DataTypes.LongType, false).add("text", DataTypes.StringType, false));
  }

  /** A corpus as columns {@code idColumn} and {@code textColumn} (TSV: {@code id} and {@code text}). */
  static Dataset<Row> read(SparkSession spark, String path, String format, String idColumn, String textColumn) {
    return switch (format) {
      case "text" -> lines(spark, path).withColumnRenamed("id", idColumn).withColumnRenamed("text", textColumn);
      case "tsv" -> {
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(path)
            .map(CorpusFiles::tsvRow);
        yield spark.createDataFrame(rows, new StructType()
            .add(idColumn, DataTypes.StringType, false).add(textColumn, DataTypes.StringType, false));
      }
      default -> spark.read().parquet(path);
    };
  }

  private static Row tsvRow(String line) {
    int tab = line.indexOf('\t');
    if (tab < 0) {
      throw new IllegalArgumentException("a TSV line has no tab between the id and the sentence: "
          + (line.length() > 60 ? line.substring(0, 60) + "…" : line));
    }
    return RowFactory.create(line.substring(0, tab), line.substring(tab + 1));
  }

  /**
   * Writes the translations (columns {@code id, source, translation, score}) in {@code format};
   * with {@code singleFile}, as one part file, keeping the order. Refuses an existing path.
   * (The single file is written from a local checkpoint: a bare {@code coalesce(1)} would
   * translate the whole corpus in one task.)
   */
  static void write(Dataset<Row> translations, String path, String format, boolean singleFile) {
    Dataset<Row> out = singleFile ? translations.localCheckpoint().coalesce(1) : translations;
    switch (format) {
      case "parquet" -> out.write().parquet(path);
      case "tsv" -> out.map((org.apache.spark.api.java.function.MapFunction<Row, String>) r ->
          String.join("\t", field(r.get(0)), field(r.getString(1)), field(r.getString(2)), Double.toString(r.getDouble(3))),
          Encoders.STRING()).write().text(path);
      default -> out.map((org.apache.spark.api.java.function.MapFunction<Row, String>) r -> field(r.getString(2)),
          Encoders.STRING()).write().text(path);
    }
  }

  /** A value as one TSV field: tabs and line breaks become spaces. */
  private static String field(Object value) {
    return String.valueOf(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}

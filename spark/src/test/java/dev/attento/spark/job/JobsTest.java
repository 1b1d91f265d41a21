package dev.attento.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.TinyRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class JobsTest {

  @TempDir
  static Path dir;
  static Path run;
  static List<SentencePair> corpus;
  static Path sources;

  @BeforeAll
  static void trainTinyRun() throws IOException {
    run = TinyRun.train(dir.resolve("run"));
    corpus = TinyRun.unseen(30);
    sources = Files.write(dir.resolve("test.src"), corpus.stream().map(SentencePair::source).toList());
  }

  /** The lines of the part files a job wrote, in part order. */
  static List<String> written(Path output) throws IOException {
    try (Stream<Path> parts = Files.list(output)) {
      return parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
          .flatMap(p -> {
            try {
              return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).toList();
    }
  }

  @Test
  void translateJobWritesWhatOneProcessTranslates(SparkSession spark) throws IOException {
    List<Translation> expected = new TextTranslator(Checkpoints.loadModel(run, null), DecodingOptions.greedy(), false,
        Kernels.detect()).translate(corpus.stream().map(SentencePair::source).toList());
    Path text = dir.resolve("out-text");
    TranslateJob.run(spark, new String[] {"--model", run.toString(), "--input", sources.toString(), "--output",
        text.toString(), "--batch-size", "4", "--single-file", "true"});
    assertEquals(expected.stream().map(Translation::text).toList(), written(text));

    Path tsv = dir.resolve("out.tsv");
    TranslateJob.run(spark, new String[] {"--model", run.toString(), "--input", sources.toString(), "--output",
        tsv.toString()});
    List<String> rows = written(tsv);
    for (int i = 0; i < rows.size(); i++) {
      String[] f = rows.get(i).split("\t", -1);
      assertEquals(List.of(String.valueOf(i + 1), corpus.get(i).source(), expected.get(i).text(),
          Double.toString(expected.get(i).score())), List.of(f));
    }
    assertEquals(corpus.size(), rows.size());
  }

  @Test
  void evaluateJobPrintsWhatAttentoEvalPrints(SparkSession spark) throws IOException {
    List<String> hyps = corpus.stream().map(p -> p.target().replaceFirst("\\d+", "7")).toList();
    List<String> refs = corpus.stream().map(SentencePair::target).toList();
    Path hyp = Files.write(dir.resolve("hyp.txt"), hyps);
    Path ref = Files.write(dir.resolve("ref.txt"), refs);
    String report = EvaluateJob.run(spark, new String[] {"--hyp", hyp.toString(), "--ref", ref.toString()});
    Bleu.Score b = Bleu.corpus(hyps, refs);
    assertTrue(report.startsWith(String.format(Locale.ROOT, "BLEU = %.2f ", b.score())), report);
    assertTrue(report.endsWith(String.format(Locale.ROOT, "chrF2 = %.2f", ChrF.corpus(hyps, refs))), report);
    assertTrue(report.contains("hyp_len = " + b.sysLen() + " ref_len = " + b.refLen()), report);
  }

  @Test
  void mistakesAreOneLineMessages(SparkSession spark) throws IOException {
    assertEquals("--input is required", assertThrows(JobException.class,
        () -> TranslateJob.run(spark, new String[] {"--model", run.toString()})).getMessage());
    assertTrue(assertThrows(JobException.class, () -> new JobArguments(new String[] {"--bogus", "1"}, Set.of("a")))
        .getMessage().startsWith("unknown option --bogus"));
    assertEquals("--beam must be a positive whole number, got '0'", assertThrows(JobException.class,
        () -> new JobArguments(new String[] {"--beam", "0"}, Set.of("beam")).positive("beam", 1)).getMessage());
    Path noTab = Files.writeString(dir.resolve("bad.tsv"), "1\tfine\nno tab here\n");
    Exception e = assertThrows(Exception.class, () -> TranslateJob.run(spark, new String[] {"--model",
        run.toString(), "--input", noTab.toString(), "--output", dir.resolve("bad-out").toString()}));
    assertEquals("a TSV line has no tab between the id and the sentence: no tab here", Jobs.userMessage(e));
    Exception missing = assertThrows(Exception.class, () -> TranslateJob.run(spark, new String[] {"--model",
        "no-such-run", "--input", sources.toString(), "--output", dir.resolve("none").toString()}));
    assertTrue(Jobs.userMessage(missing).startsWith("model no-such-run is neither a path"), Jobs.userMessage(missing));
  }
}

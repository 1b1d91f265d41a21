package dev.attento.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.cells.CellRegistry;
import dev.attento.cells.CellRegistryException;
import dev.attento.cells.PluginJar;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.BundleFiles;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.Trainer;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.train.TrainingListener;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.spark.LocalSpark;
import dev.attento.spark.MguPluginJar;
import dev.attento.spark.TinyRun;
import dev.attento.spark.train.DataParallelSettings;
import dev.attento.spark.train.DataParallelTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a plugin cell (the MGU example, built from its sources; not on this module's
 * class path) trains with two Spark workers and translates with the translate job, the jar
 * shipped to the executors and the pin checked there. Spark's local mode shares the driver's
 * JVM, so the tests make shipping observable: the workers report where their cell's classes
 * came from, and the translate job runs after the jar the model records has been deleted.
 */
@ExtendWith(LocalSpark.class)
class PluginShippingTest {

  @TempDir
  static Path dir;
  static Path built;

  @BeforeAll
  static void buildThePluginJar() throws Exception {
    built = MguPluginJar.build(dir, dir.resolve("built").resolve("mgu.jar"));
    assertThrows(CellRegistryException.class, () -> CellRegistry.fromClassPath().entry("mgu"),
        "the MGU cell must not be on the class path, or these tests would prove nothing");
  }

  /** The tiny run of the other tests, with the plugin's cell. */
  private static ConfigTree mguRun(int steps) {
    return TinyRun.config(steps).set("model.cell", "mgu").set("training.evalEvery", "4")
        .set("training.checkpointEvery", "4");
  }

  @Test
  void twoWorkersTrainWithTheCellOfAShippedJar(SparkSession spark) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("train-plugins"));
    Path driverJar = Files.copy(built, plugins.resolve("mgu-train.jar"));
    List<String> log = new ArrayList<>();
    Path run = dir.resolve("train-run");
    DataParallelTraining.Result r = DataParallelTraining.train(spark, mguRun(4).bind(), run,
        DataParallelSettings.of(2).withSyncEvery(2), plugins, false, log::add);

    assertEquals(4, r.steps());
    Path shipped = Path.of(SparkFiles.getRootDirectory(), "mgu-train.jar").toAbsolutePath().normalize();
    assertTrue(log.contains("workers: cell 'mgu' loaded from " + shipped + " (its pin checked)"), String.join("\n", log));
    assertFalse(shipped.equals(driverJar.toAbsolutePath().normalize()));
    // The run pins the driver's jar, as attento train --plugins does, and loads with it.
    assertEquals(PluginJar.sha256(driverJar), BundleFiles.pin(Checkpoints.latest(run)).sha256());
    assertEquals(driverJar.toAbsolutePath().normalize().toString(), BundleFiles.pin(Checkpoints.latest(run)).jar());
    assertEquals(3, translate(run, plugins, TinyRun.unseen(3)).size());
  }

  @Test
  void translateJobLoadsThePinnedCellFromTheShippedJarOnly(SparkSession spark) throws Exception {
    // Trained in one process with the jar in a directory that is then deleted.
    Path recorded = Files.createDirectories(dir.resolve("recorded"));
    Files.copy(built, recorded.resolve("mgu.jar"));
    ExperimentConfig e = mguRun(8).bind();
    TrainingData data = DataPreparation.prepare(e);
    Path run = dir.resolve("translate-run");
    new Trainer(data.newModel(e.model(), e.training().seed(), recorded), data, e.training(), Kernels.detect(), run,
        new TrainingListener() {}).train();
    List<SentencePair> corpus = TinyRun.unseen(20);
    List<String> expected = translate(run, recorded, corpus).stream().map(Translation::text).toList();
    Path sources = Files.write(dir.resolve("mgu.src"), corpus.stream().map(SentencePair::source).toList());
    Path shippedDir = Files.createDirectories(dir.resolve("shipped"));
    Files.move(recorded.resolve("mgu.jar"), shippedDir.resolve("mgu-renamed.jar")); // found by its SHA-256, not name
    Files.delete(recorded);

    String missing = translateError(spark, run, sources, dir.resolve("out-none"), null);
    assertTrue(missing.endsWith("which is missing; give the directory that holds it with --plugins DIR"), missing);
    Path other = Files.createDirectories(dir.resolve("other"));
    rebuiltWithAnExtraEntry(shippedDir.resolve("mgu-renamed.jar"), other.resolve("mgu.jar"));
    String differs = translateError(spark, run, sources, dir.resolve("out-other"), other);
    assertTrue(differs.contains("differs from the one the model was trained with"), differs);

    Path out = dir.resolve("out");
    TranslateJob.run(spark, args(run, sources, out, shippedDir));
    assertEquals(expected, JobsTest.written(out));
  }

  private static String[] args(Path run, Path sources, Path out, Path plugins) {
    List<String> args = new ArrayList<>(List.of("--model", run.toString(), "--input", sources.toString(), "--output",
        out.toString(), "--output-format", "text"));
    if (plugins != null) {
      args.addAll(List.of("--plugins", plugins.toString()));
    }
    return args.toArray(new String[0]);
  }

  /** The one-line message of a translate job that fails. */
  private static String translateError(SparkSession spark, Path run, Path sources, Path out, Path plugins) {
    String m = Jobs.userMessage(assertThrows(Exception.class, () -> TranslateJob.run(spark, args(run, sources, out,
        plugins))));
    assertFalse(m.isEmpty() || m.contains("\n"), m);
    return m;
  }

  private static List<Translation> translate(Path run, Path plugins, List<SentencePair> pairs) {
    return new TextTranslator(Checkpoints.loadModel(run, plugins), DecodingOptions.greedy(), false, Kernels.detect())
        .translate(pairs.stream().map(SentencePair::source).toList());
  }

  /** The jar's entries plus one more: the same cell, another SHA-256, under the recorded jar's name. */
  private static void rebuiltWithAnExtraEntry(Path jar, Path copy) throws Exception {
    try (var in = new java.util.jar.JarFile(jar.toFile());
         JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy))) {
      for (var entries = in.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (var data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("NOTICE"));
      out.write("changed after training".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}

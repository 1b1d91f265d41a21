package dev.attento.cli;

import dev.attento.cli.charts.Charts;
import dev.attento.seq2seq.config.ConfigTree;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.eval.LengthBuckets;
import dev.attento.seq2seq.eval.QualityReport;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.train.TrainingData;
import dev.attento.seq2seq.translate.TestSetEvaluation;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento compare}: trains the same model with a fixed context vector and with
 * attention (or any list of attention settings) on the same data and seed, then shows quality
 * by source length side by side, a chart of exact match against length, and attention
 * heatmaps — Bahdanau et al. 2014's Figure 2 story, on a toy task (reversal by default).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train (or load) models that differ only in attention, on the same data and seed, and compare",
        "quality by source length. Default: reversal task, --variants none,luong-general."})
final class CompareCommand implements Callable<Integer> {

  /** The toy task compared when no data is given: reversal, where a fixed context visibly fails on long inputs. */
  static final String DEFAULT_TASK = "reverse";


  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--variants", split = ",", defaultValue = "none,luong-general",
      description = "Attention settings to compare (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  @Option(names = "--load", split = ",", paramLabel = "RUN", description = "Compare existing runs instead of training; runs/NAME is the latest run of that name (NAME-2, NAME-3, …).")
  List<Path> load;

  @Option(names = "--name", defaultValue = "compare", description = "Output directory name under --runs (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where runs are saved (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(names = "--test", paramLabel = "FILE",
      description = "Held-out corpus to compare on: TSV, TMX, .po or .mo, detected (default: the dev set the runs were trained with).")
  Path test;

  @Option(names = "--chart-metric", defaultValue = "exact",
      description = "What the chart plots by length: exact, tokacc, bleu or chrf (default: ${DEFAULT-VALUE}).")
  String chartMetric;

  @Option(names = "--heatmaps", defaultValue = "3", description = "Attention heatmaps to draw (default: ${DEFAULT-VALUE}).")
  int heatmaps;

  @Option(names = "--buckets", paramLabel = "N,N,...|auto", defaultValue = "auto",
      description = "Upper bounds of the source-length buckets, e.g. 10,15,20,25 (the PyTorch reference's for the symbol "
          + "tasks); longer sentences go to a last open bucket. Default: ${DEFAULT-VALUE}, five buckets of one round width "
          + "covering the held-out sentences' lengths.")
  String bucketBounds;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @picocli.CommandLine.Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (experiment.task == null && experiment.train == null && experiment.config == null) {
      experiment.task = DEFAULT_TASK;
    }
    metricName(); // an unknown metric fails before any training
    ConfigTree base = experiment.build();
    LengthBuckets chosenBuckets = null;
    if (!bucketBounds.equals("auto")) {
      try {
        chosenBuckets = LengthBuckets.parse(bucketBounds);
      } catch (IllegalArgumentException e) {
        throw new UserError("--buckets: " + e.getMessage());
      }
    }
    Kernels kernels = compute.kernels();
    Path dir;
    List<String> labels = new ArrayList<>();
    List<ModelBundle> models = new ArrayList<>();
    List<Boolean> replaceUnknown = new ArrayList<>();
    List<SentencePair> dev;
    if (load != null && !load.isEmpty()) {
      load = RunDirectory.latest(load, err);
      List<ExperimentConfig> configs = new ArrayList<>();
      for (Path run : load) {
        labels.add(run.getFileName().toString());
        models.add(Checkpoints.loadModel(run, plugins.dir(), plugins.pinPolicy()));
        configs.add(RunConfig.read(run));
        replaceUnknown.add(RunConfig.replaceUnknown(configs.get(configs.size() - 1)));
      }
      SameData.require(load, configs, models);
      dir = RunDirectory.fresh(runs, name);
      ExperimentConfig first = RunConfig.read(load.get(0));
      if (first == null && test == null) {
        throw new UserError(load.get(0) + " has no config.json to regenerate its dev set from; give --test FILE");
      }
      dev = test != null ? null : DataPreparation.prepare(first).devPairs();
    } else {
      dev = null;
      // Every variant's config and model are checked before the comparison's directory exists.
      List<ExperimentConfig> configs = new ArrayList<>();
      List<TrainingSession.Prepared> prepared = new ArrayList<>();
      TrainingData data = null;
      for (String variant : variants) {
        ExperimentConfig c = ConfigTree.fromJson(base.toJson(), "compare").set("model.attention", "\"" + variant + "\"")
            .bind();
        configs.add(c);
        // The variants differ only in attention: the data is read once and shared (it is never modified).
        data = data == null ? DataPreparation.prepare(c) : data;
        prepared.add(new TrainingSession.Prepared(data, data.newModel(c.model(), c.training().seed(), plugins.dir())));
      }
      dir = RunDirectory.fresh(runs, name);
      for (int v = 0; v < variants.size(); v++) {
        ExperimentConfig c = configs.get(v);
        Path runDir = Files.createDirectories(dir.resolve(variants.get(v)));
        // Training the variants is the way to the comparison, not its result: standard error.
        err.println("== " + variants.get(v));
        TrainingSession.Outcome o = TrainingSession.run(c, prepared.get(v), runDir, false, kernels, err, err);
        labels.add(variants.get(v));
        models.add(o.model());
        replaceUnknown.add(c.decoding().replaceUnknown());
        dev = o.data().devPairs();
      }
    }
    if (test != null) {
      dev = experiment.languages.readPairs(test);
    }
    List<QualityReport> reports = new ArrayList<>();
    LengthBuckets buckets = chosenBuckets != null ? chosenBuckets : bucketsCovering(models.get(0), dev);
    List<TestSetEvaluation.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      ModelBundle m = models.get(i);
      TestSetEvaluation.Outcome o = TestSetEvaluation.run(m.target(),
          new TextTranslator(m, DecodingOptions.greedy(), replaceUnknown.get(i), kernels), dev, buckets);
      outcomes.add(o);
      reports.add(o.report());
    }
    out.printf(Locale.ROOT, "%n%d held-out sentences%s, greedy decoding; quality by source length (tokens)%n", dev.size(),
        test == null ? "" : " (" + test + ")");
    Tables.quality(out, labels, reports);
    Map<String, double[]> series = new LinkedHashMap<>();
    List<String> bucketLabels = reports.get(0).buckets().stream().map(QualityReport.Row::label).toList();
    for (int i = 0; i < labels.size(); i++) {
      series.put(labels.get(i), reports.get(i).buckets().stream().mapToDouble(this::metric).toArray());
    }
    Path chart = dir.resolve("quality-by-length.png");
    Charts.categoryLines(chart, metricName() + " by source length", "source length (tokens)", metricName(), bucketLabels,
        series);
    out.flush();
    err.println("chart: " + chart);
    drawHeatmaps(err, dir, labels, outcomes);
    err.flush();
    return 0;
  }

  private void drawHeatmaps(PrintWriter err, Path dir, List<String> labels, List<TestSetEvaluation.Outcome> outcomes)
      throws java.io.IOException {
    for (int i = 0; i < labels.size(); i++) {
      List<Translation> ts = new ArrayList<>(outcomes.get(i).translations());
      if (ts.isEmpty() || ts.get(0).attention() == null) {
        continue;
      }
      ts.sort(Comparator.comparingInt((Translation t) -> -t.sourceTokens().size()));
      for (int h = 0; h < Math.min(heatmaps, ts.size()); h++) {
        Translation t = ts.get(h * Math.max(1, ts.size() / Math.max(1, heatmaps)));
        List<String> targets = new ArrayList<>(t.targetTokens());
        targets.add("</s>");
        Path png = dir.resolve("attention-" + labels.get(i) + "-" + (h + 1) + ".png");
        Charts.attention(png, t.sourceTokens(), targets, t.attention());
        err.println("heatmap: " + png);
      }
    }
  }

  /** Buckets for {@code --buckets auto}: covering the held-out sentences' lengths in the first model's source tokens. */
  private static LengthBuckets bucketsCovering(ModelBundle model, List<SentencePair> pairs) {
    if (pairs.isEmpty()) {
      throw new UserError("no held-out sentences to compare on");
    }
    return LengthBuckets.covering(pairs.stream()
        .mapToInt(p -> model.source().tokenizer().tokenize(p.source()).size()).toArray());
  }

  private String metricName() {
    return switch (chartMetric) {
      case "exact" -> "exact match";
      case "tokacc" -> "token accuracy";
      case "bleu" -> "BLEU";
      case "chrf" -> "chrF";
      default -> throw new UserError("unknown --chart-metric '" + chartMetric + "'; use exact, tokacc, bleu or chrf");
    };
  }

  private double metric(QualityReport.Row row) {
    return switch (chartMetric) {
      case "tokacc" -> row.tokenAccuracy();
      case "bleu" -> row.bleu();
      case "chrf" -> row.chrf();
      default -> row.exactMatch();
    };
  }
}

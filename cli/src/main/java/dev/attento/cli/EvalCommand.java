package dev.attento.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attento.cli.report.Progress;
import dev.attento.core.kernels.Kernels;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.eval.Bleu;
import dev.attento.seq2seq.eval.ChrF;
import dev.attento.seq2seq.eval.LengthBuckets;
import dev.attento.seq2seq.eval.PairedBootstrap;
import dev.attento.seq2seq.eval.QualityReport;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.train.DataPreparation;
import dev.attento.seq2seq.translate.TestSetEvaluation;
import dev.attento.seq2seq.translate.TextTranslator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attento eval}: scores a model on a test set (BLEU, chrF, exact match, token accuracy,
 * by source length; optionally against another run with paired bootstrap), or scores plain
 * hypothesis/reference files the way sacreBLEU does.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Score a model on a test set, or plain files: attento eval --hyp hyp.txt --ref ref.txt [--json]."})
final class EvalCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, paramLabel = "RUN", description = "Run directory to evaluate; runs/NAME is the latest run of that name (NAME-2, NAME-3, …).")
  Path model;

  @Option(names = "--test", paramLabel = "FILE",
      description = "Test corpus: TSV, TMX, .po or .mo, detected (default: the run's own dev set).")
  Path test;

  @picocli.CommandLine.Mixin
  LanguageOptions languages = new LanguageOptions();

  @Option(names = "--compare-to", paramLabel = "RUN", description = "Second run: paired bootstrap significance (Koehn 2004).")
  Path compareTo;

  @Option(names = "--hyp", paramLabel = "FILE", description = "Hypotheses, one detokenized sentence a line.")
  Path hyp;

  @Option(names = "--ref", paramLabel = "FILE", description = "References, one sentence a line.")
  Path ref;

  @Option(names = "--beam", defaultValue = "1", description = "Beam size (default: ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--replace-unknown", negatable = true,
      description = "Replace <unk> by the most-attended source token (default: the run's decoding.replaceUnknown).")
  Boolean replaceUnknown;

  @Option(names = "--bucket-width", defaultValue = "5", description = "Source-length bucket width (default: ${DEFAULT-VALUE}).")
  int bucketWidth;

  @Option(names = "--samples", defaultValue = "1000", description = "Bootstrap samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @picocli.CommandLine.Mixin
  CheckpointChoice checkpoint;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @picocli.CommandLine.Mixin
  ComputeOptions compute;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (hyp != null || ref != null) {
      return scoreFiles(out);
    }
    if (model == null) {
      throw new UserError("give --model RUN (with --test FILE) or --hyp FILE --ref FILE");
    }
    model = RunDirectory.latest(model, spec.commandLine().getErr());
    if (compareTo != null) {
      compareTo = RunDirectory.latest(compareTo, spec.commandLine().getErr());
    }
    List<SentencePair> pairs = testSet(model);
    LengthBuckets buckets = LengthBuckets.ofWidth(bucketWidth, 5 * bucketWidth);
    Kernels kernels = compute.kernels(); // one pool for both models of a --compare-to
    TestSetEvaluation.Outcome a = evaluate(model, pairs, buckets, kernels);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("model", model.toString());
    doc.put("report", a.report());
    List<QualityReport> reports = new ArrayList<>(List.of(a.report()));
    List<String> names = new ArrayList<>(List.of(model.toString()));
    PairedBootstrap.Result bleuTest = null;
    PairedBootstrap.Result chrfTest = null;
    if (compareTo != null) {
      TestSetEvaluation.Outcome b = evaluate(compareTo, pairs, buckets, kernels);
      reports.add(b.report());
      names.add(compareTo.toString());
      bleuTest = PairedBootstrap.bleu(bleuStats(a), bleuStats(b), samples, 12345);
      chrfTest = PairedBootstrap.chrf(chrfStats(a), chrfStats(b), samples, 12345);
      doc.put("compareTo", compareTo.toString());
      doc.put("compareReport", b.report());
      doc.put("bootstrapBleu", bleuTest);
      doc.put("bootstrapChrf", chrfTest);
    }
    if (json) {
      out.println(JSON.writeValueAsString(doc));
    } else {
      out.printf(Locale.ROOT, "%d test sentences%n", pairs.size());
      Tables.quality(out, names, reports);
      if (bleuTest != null) {
        printTest(out, "BLEU", bleuTest);
        printTest(out, "chrF", chrfTest);
      }
    }
    out.flush();
    return 0;
  }

  private static void printTest(PrintWriter out, String metric, PairedBootstrap.Result r) {
    out.printf(Locale.ROOT, "%s: A %.2f [%.2f, %.2f] vs B %.2f [%.2f, %.2f]; paired bootstrap p = %.4f (%s, %d samples)%n",
        metric, r.a(), r.aLow(), r.aHigh(), r.b(), r.bLow(), r.bHigh(), r.pValue(),
        r.significant() ? "A is significantly better" : "not significant", r.samples());
  }

  private List<SentencePair> testSet(Path run) throws java.io.IOException {
    if (test != null) {
      return languages.readPairs(test);
    }
    ExperimentConfig saved = RunConfig.read(run);
    if (saved == null) {
      throw new UserError("give --test FILE: " + run + " has no config.json to regenerate its dev set from");
    }
    return DataPreparation.prepare(saved).devPairs();
  }

  private TestSetEvaluation.Outcome evaluate(Path run, List<SentencePair> pairs, LengthBuckets buckets, Kernels kernels)
      throws java.io.IOException {
    ModelBundle trained = Checkpoints.loadModel(checkpoint.of(run), plugins.dir(), plugins.pinPolicy());
    boolean replace = replaceUnknown != null ? replaceUnknown : RunConfig.replaceUnknown(RunConfig.read(run));
    DecodingOptions options = beam > 1 ? DecodingOptions.beam(beam) : DecodingOptions.greedy();
    try (Progress progress = new Progress("eval " + run.getFileName(), pairs.size(), spec.commandLine().getErr())) {
      return TestSetEvaluation.run(trained.target(), new TextTranslator(trained, options, replace, kernels),
          pairs, buckets, progress::advance);
    }
  }

  private static Bleu.Stats[] bleuStats(TestSetEvaluation.Outcome o) {
    return o.sentences().stream().map(s -> Bleu.stats(s.hypothesis(), s.reference())).toArray(Bleu.Stats[]::new);
  }

  private static ChrF.Stats[] chrfStats(TestSetEvaluation.Outcome o) {
    return o.sentences().stream().map(s -> ChrF.stats(s.hypothesis(), s.reference())).toArray(ChrF.Stats[]::new);
  }

  private int scoreFiles(PrintWriter out) throws Exception {
    if (hyp == null || ref == null) {
      throw new UserError("--hyp and --ref go together");
    }
    List<String> hyps = PlainTextFiles.readLines(hyp);
    List<String> refs = PlainTextFiles.readLines(ref);
    if (hyps.size() != refs.size()) {
      throw new UserError(hyp + " has " + hyps.size() + " lines but " + ref + " has " + refs.size());
    }
    Bleu.Score b = Bleu.corpus(hyps, refs);
    double chrf = ChrF.corpus(hyps, refs);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("bleu", round(b.score()));
      doc.put("precisions", java.util.Arrays.stream(b.precisions()).map(EvalCommand::round).toArray());
      doc.put("bp", round(b.brevityPenalty()));
      doc.put("sys_len", b.sysLen());
      doc.put("ref_len", b.refLen());
      doc.put("chrf", round(chrf));
      doc.put("bleu_signature", Bleu.Score.signature());
      doc.put("chrf_signature", "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:attento");
      out.println(JSON.writeValueAsString(doc));
    } else {
      out.printf(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)%n",
          b.score(), b.precisions()[0], b.precisions()[1], b.precisions()[2], b.precisions()[3], b.brevityPenalty(),
          b.refLen() == 0 ? 0.0 : (double) b.sysLen() / b.refLen(), b.sysLen(), b.refLen());
      out.printf(Locale.ROOT, "chrF2 = %.2f%n", chrf);
    }
    out.flush();
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}

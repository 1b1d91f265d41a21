package dev.attento.cli;

import dev.attento.cli.charts.Charts;
import dev.attento.cli.report.Progress;
import dev.attento.seq2seq.config.ExperimentConfig;
import dev.attento.seq2seq.decode.DecodingOptions;
import dev.attento.seq2seq.bundle.ModelBundle;
import dev.attento.seq2seq.train.Checkpoints;
import dev.attento.seq2seq.translate.TextTranslator;
import dev.attento.seq2seq.translate.Translation;
import dev.attento.cli.text.BoundedLines;
import dev.attento.core.text.TerminalText;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attento translate}: sentences from arguments, a file, or stdin line by line (usable in a pipe). */
@Command(name = "translate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Translate with a trained model: arguments, --input FILE, or standard input line by line.")
final class TranslateCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "RUN", description = "Run directory (or checkpoint directory); runs/NAME is the latest run of that name (NAME-2, NAME-3, …).")
  Path model;

  @Parameters(paramLabel = "SENTENCE", arity = "0..*", description = "Sentences to translate.")
  List<String> sentences = List.of();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Translate each line of FILE.")
  Path input;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "100000",
      description = "Longest input line (file or stdin) translated; a longer one is reported and skipped, its output "
          + "line left empty (default: ${DEFAULT-VALUE}).")
  int maxLineChars;

  @Option(names = "--beam", description = "Beam size (1: greedy; default from the run's config).")
  Integer beam;

  @Option(names = "--n-best", paramLabel = "N", defaultValue = "1",
      description = "Print the N best translations of each sentence as 'index ||| translation ||| score' (beam >= N).")
  int nBest;

  @Option(names = "--no-repeat-ngram", paramLabel = "N",
      description = "Never repeat an n-gram of N tokens in an output (0: off; default: the run's decoding.noRepeatNgram).")
  Integer noRepeatNgram;

  @Option(names = "--coverage-penalty", paramLabel = "BETA",
      description = "GNMT coverage penalty beta (Wu et al. 2016) for beam search over an attention model: translations "
          + "that leave source tokens unattended rank lower (0: off; default: the run's decoding.coveragePenalty).")
  Double coveragePenalty;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
      description = "Sentences decoded together from arguments or --input (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--replace-unknown", negatable = true,
      description = "Replace <unk> by the most-attended source token (default: the run's decoding.replaceUnknown).")
  Boolean replaceUnknown;

  @Option(names = "--show-attention", description = "Print each output token's most-attended source token and weight.")
  boolean showAttention;

  @Option(names = "--attention-map", paramLabel = "PNG", description = "Draw the first sentence's attention heatmap.")
  Path attentionMap;

  @picocli.CommandLine.Mixin
  CheckpointChoice checkpoint;

  @picocli.CommandLine.Mixin
  PluginsOption plugins;

  @picocli.CommandLine.Mixin
  ComputeOptions compute;


  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    model = RunDirectory.latest(model, spec.commandLine().getErr());
    ModelBundle trained = Checkpoints.loadModel(checkpoint.of(model), plugins.dir(), plugins.pinPolicy());
    ExperimentConfig saved = RunConfig.read(model);
    if (batchSize < 1 || nBest < 1) {
      throw new UserError((batchSize < 1 ? "--batch-size" : "--n-best") + " must be at least 1");
    }
    DecodingOptions decoding = decoding(saved, trained.config().usesAttention());
    TextTranslator translator = new TextTranslator(trained, decoding,
        replaceUnknown != null ? replaceUnknown : RunConfig.replaceUnknown(saved), compute.kernels());
    boolean first = true;
    if (!sentences.isEmpty() || input != null) {
      List<String> lines = input != null ? readLines(input) : sentences;
      try (Progress progress = lines.size() > 100 ? new Progress("translate", lines.size(), spec.commandLine().getErr()) : null) {
        for (int i = 0; i < lines.size(); i += batchSize) {
          List<String> chunk = lines.subList(i, Math.min(lines.size(), i + batchSize));
          List<String> kept = chunk.stream().filter(Objects::nonNull).toList();
          if (nBest > 1) {
            List<List<Translation>> lists = translator.translateNBest(kept, nBest);
            for (int k = 0, next = 0; k < chunk.size(); k++) {
              if (chunk.get(k) != null) { // a skipped line has no n-best lines; indices count input lines
                printNBest(out, List.of(lists.get(next++)), i + k, decoding);
              }
            }
          } else {
            List<Translation> done = translator.translate(kept);
            int next = 0;
            for (String line : chunk) {
              if (line == null) {
                out.println(); // a skipped line keeps the output aligned with the input
              } else {
                print(out, done.get(next++), first);
                first = false;
              }
            }
          }
          if (progress != null) {
            progress.advance(chunk.size());
          }
        }
      }
    } else {
      try (BoundedLines in = new BoundedLines(new InputStreamReader(System.in, StandardCharsets.UTF_8), maxLineChars)) {
        for (int i = 0; ; i++) {
          BoundedLines.Line line = in.next();
          if (line == null) {
            break;
          }
          if (line.tooLong()) {
            skipped(line, "standard input");
            if (nBest == 1) {
              out.println();
            }
          } else if (nBest > 1) {
            printNBest(out, translator.translateNBest(List.of(line.text()), nBest), i, decoding);
          } else {
            print(out, translator.translate(List.of(line.text())).get(0), first);
            first = false;
          }
          out.flush();
        }
      }
    }
    out.flush();
    return 0;
  }

  /** The lines of {@code file}, a line longer than {@code --max-line-chars} reported and null. */
  private List<String> readLines(Path file) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    try (BoundedLines in = new BoundedLines(Files.newBufferedReader(file, StandardCharsets.UTF_8), maxLineChars)) {
      for (BoundedLines.Line line; (line = in.next()) != null; ) {
        if (line.tooLong()) {
          skipped(line, file.toString());
        }
        lines.add(line.text());
      }
    }
    return lines;
  }

  private void skipped(BoundedLines.Line line, String where) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "attento: %s line %d has %,d characters, more than --max-line-chars %,d; skipped "
        + "(an empty output line in its place)%n", TerminalText.escape(where), line.number(), line.length(), maxLineChars);
    err.flush();
  }

  /**
   * The run's decoding settings ({@code saved}, greedy without a config), with {@code --beam},
   * {@code --no-repeat-ngram} and {@code --coverage-penalty} applied; the beam is widened to
   * {@code --n-best} unless given.
   */
  private DecodingOptions decoding(ExperimentConfig saved, boolean attends) {
    DecodingOptions base = saved == null ? DecodingOptions.greedy() : saved.decoding().toDecodingOptions();
    if (beam != null && beam < nBest) {
      throw new UserError("--n-best " + nBest + " needs --beam " + nBest + " or more, got --beam " + beam);
    }
    int size = beam != null ? beam : Math.max(base.beamSize(), nBest);
    if (noRepeatNgram != null && noRepeatNgram < 0) {
      throw new UserError("--no-repeat-ngram must be 0 (off) or more, got " + noRepeatNgram);
    }
    if (coveragePenalty != null) {
      checkCoveragePenalty(coveragePenalty, size, attends);
    }
    return base.withBeamSize(size).withNoRepeatNgram(noRepeatNgram != null ? noRepeatNgram : base.noRepeatNgram())
        .withCoveragePenalty(coveragePenalty != null ? coveragePenalty : base.coveragePenalty());
  }

  /** An explicit {@code --coverage-penalty} must be a finite β ≥ 0 and, unless 0, have beams and attention to act on. */
  private static void checkCoveragePenalty(double beta, int beamSize, boolean attends) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new UserError("--coverage-penalty must be 0 (off) or more, got " + beta);
    }
    if (beta > 0 && !attends) {
      throw new UserError("--coverage-penalty needs an attention model; this one has a fixed context vector");
    }
    if (beta > 0 && beamSize < 2) {
      throw new UserError("--coverage-penalty ranks the translations beam search finds; give --beam 2 or more");
    }
  }

  /** Moses-style n-best lines: sentence index (from 0), translation, the score beam search ranks by. */
  private static void printNBest(PrintWriter out, List<List<Translation>> lists, int firstIndex, DecodingOptions d) {
    for (int s = 0; s < lists.size(); s++) {
      for (Translation t : lists.get(s)) {
        out.printf(Locale.ROOT, "%d ||| %s ||| %.4f%n", firstIndex + s, t.text(), d.rankingScore(t.score(),
            t.targetTokens().size(), t.attention(), t.attention() == null ? 0 : t.attention()[0].length));
      }
    }
  }

  private void print(PrintWriter out, Translation t, boolean first) throws java.io.IOException {
    out.println(t.text());
    if (showAttention) {
      out.println("  source tokens: " + String.join(" ", t.sourceTokens()));
      if (t.attention() == null) {
        out.println("  (this model has no attention: a fixed context vector)");
      } else {
        for (int i = 0; i < t.targetTokens().size(); i++) {
          float[] w = t.attention()[i];
          int best = 0;
          for (int s = 1; s < w.length; s++) {
            best = w[s] > w[best] ? s : best;
          }
          out.printf(Locale.ROOT, "  %-12s ← %-12s %.2f%n", t.targetTokens().get(i), t.sourceTokens().get(best), w[best]);
        }
      }
    }
    if (first && attentionMap != null) {
      if (t.attention() == null) {
        throw new UserError("--attention-map: this model has no attention (it was trained with --attention none)");
      }
      List<String> targets = new java.util.ArrayList<>(t.targetTokens());
      targets.add("</s>");
      Charts.attention(attentionMap, t.sourceTokens(), targets, t.attention());
      spec.commandLine().getErr().println("attention map written to " + attentionMap);
      spec.commandLine().getErr().flush();
    }
  }
}

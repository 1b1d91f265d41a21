package dev.attento.cli;

import dev.attento.core.text.TerminalText;
import dev.attento.core.io.OutputTarget;
import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusProblem;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.data.TsvWriter;
import dev.attento.seq2seq.data.formats.CorpusFormat;
import dev.attento.seq2seq.tasks.ToyTask;
import dev.attento.seq2seq.tasks.ToyTasks;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attento data tasks|generate|stats|import|bpe}: toy tasks, corpus statistics, conversion and subword units. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Toy tasks and corpora: list tasks, generate a corpus, show statistics, import real corpora, BPE subword units.",
    subcommands = {DataCommand.Tasks.class, DataCommand.Generate.class, DataCommand.Stats.class, ImportCommand.class,
        BpeCommand.class})
final class DataCommand implements Runnable {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The first ten problems of a corpus and how many more there are. */
  static void printProblems(PrintWriter out, List<CorpusProblem> problems) {
    for (CorpusProblem p : problems.subList(0, Math.min(10, problems.size()))) {
      out.println("malformed: " + TerminalText.escape(p.toString())); // a corpus line may hold escape sequences
    }
    if (problems.size() > 10) {
      out.println("... and " + (problems.size() - 10) + " more malformed lines");
    }
  }

  @Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the built-in toy tasks.")
  static final class Tasks implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (ToyTask t : ToyTasks.all()) {
        SentencePair example = t.generate(1, 1).get(0);
        out.printf("%-8s %s%s%n         e.g. %s  →  %s%n", t.name(), t.description(),
            t.name().equals(ToyTasks.DEFAULT) ? " [default]" : "", example.source(), example.target());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a toy task's pairs as TSV.")
  static final class Generate implements Callable<Integer> {
    @Parameters(paramLabel = "TASK", description = "Task name.")
    String task;

    @Option(names = "--count", defaultValue = "1000", description = "Pairs (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "TSV", description = "Output file, - for standard output.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      OutputTarget target = OutputTarget.forArgument(out, System.out);
      TsvWriter.write(target, ToyTasks.byName(task).generate(count, seed));
      // A note about what was written goes to standard error, so a pipe (-o -) gets only the pairs.
      PrintWriter note = spec.commandLine().getErr();
      note.println("wrote " + count + " pairs of " + task + " to " + target);
      note.flush();
      return 0;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Statistics of a corpus (TSV, TMX, .po or .mo).")
  static final class Stats implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Corpus, its format detected from its content.")
    Path file;

    @Mixin
    LanguageOptions languages = new LanguageOptions();

    @Option(names = "--tokenizer", defaultValue = "word", description = "Tokenizer for lengths and vocabularies (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Corpus c = CorpusFormat.readDetected(file, languages.readOptions(false, false));
      var tok = TokenizerSpec.parse(tokenizer).create();
      List<List<String>> src = new ArrayList<>();
      List<List<String>> tgt = new ArrayList<>();
      for (SentencePair p : c.pairs()) {
        src.add(tok.tokenize(p.source()));
        tgt.add(tok.tokenize(p.target()));
      }
      out.println(TerminalText.escape(file + ": " + c.summary())); // the summary quotes malformed input
      out.printf(Locale.ROOT, "vocabulary (%s tokens): source %d, target %d%n", tokenizer,
          Vocabulary.build(src, 1, Integer.MAX_VALUE).size() - 4, Vocabulary.build(tgt, 1, Integer.MAX_VALUE).size() - 4);
      histogram(out, "source length", src);
      histogram(out, "target length", tgt);
      printProblems(out, c.problems());
      out.flush();
      return 0;
    }

    private static void histogram(PrintWriter out, String title, List<List<String>> sentences) {
      int[] bins = new int[8];
      String[] labels = {"1-5", "6-10", "11-15", "16-20", "21-30", "31-50", "51-100", "100+"};
      int[] uppers = {5, 10, 15, 20, 30, 50, 100, Integer.MAX_VALUE};
      for (List<String> s : sentences) {
        for (int b = 0; b < uppers.length; b++) {
          if (s.size() <= uppers[b]) {
            bins[b]++;
            break;
          }
        }
      }
      int max = java.util.Arrays.stream(bins).max().orElse(1);
      out.println(title + ":");
      for (int b = 0; b < bins.length; b++) {
        out.printf(Locale.ROOT, "  %-7s %7d %s%n", labels[b], bins[b], "#".repeat(max == 0 ? 0 : 40 * bins[b] / max));
      }
    }
  }
}

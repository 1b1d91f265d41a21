package dev.attento.cli;

import dev.attento.core.text.TerminalText;
import dev.attento.core.io.OutputTarget;
import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusProblem;
import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.data.TsvWriter;
import dev.attento.seq2seq.data.cleaning.Cleaner;
import dev.attento.seq2seq.data.cleaning.CleaningOptions;
import dev.attento.seq2seq.data.cleaning.HeldOutSplit;
import dev.attento.seq2seq.data.formats.CorpusFormat;
import dev.attento.seq2seq.data.formats.ReadOptions;
import dev.attento.seq2seq.text.TokenizerSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attento data import}: real corpora (TMX memories, gettext catalogues, TSV, aligned
 * files, verse texts paired by reference) into one clean TSV that {@code train --train}
 * reads, with dev and test sets held out by a seed. What was read, ignored, malformed and dropped goes to standard error, so the
 * user sees why a 100,000-message catalogue became 60,000 pairs.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Convert corpora (TMX, gettext .po/.mo, TSV, aligned files, Bible verses) into one clean TSV, optionally holding "
        + "out dev and test sets.",
        "Each FILE's format is detected from its content unless --format is given. A summary of what was kept and "
        + "dropped, by reason, goes to standard error."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Corpora to import; with --format aligned or verses, the source file and then the target file.")
  List<Path> files;

  @Mixin
  LanguageOptions languages = new LanguageOptions();

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "TSV", description = "The training pairs (all pairs without --dev-size/--test-size); - for standard output.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "tsv, aligned, tmx, po, mo or verses (Bible verses keyed by reference, as diatheke -f plain prints them; "
      + "default: detected for each file).")
  String format;

  @Option(names = "--dev-out", paramLabel = "TSV", description = "Where the held-out dev pairs go.")
  Path devOut;

  @Option(names = "--test-out", paramLabel = "TSV", description = "Where the held-out test pairs go.")
  Path testOut;

  @Option(names = "--dev-size", defaultValue = "0", paramLabel = "N", description = "Dev pairs to hold out (default: ${DEFAULT-VALUE}).")
  int devSize;

  @Option(names = "--test-size", defaultValue = "0", paramLabel = "N", description = "Test pairs to hold out (default: ${DEFAULT-VALUE}).")
  int testSize;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed choosing the held-out pairs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--strict", description = "Stop at the first malformed line or entry instead of skipping it.")
  boolean strict;

  @Option(names = "--keep-fuzzy", description = "Keep gettext messages flagged fuzzy (unconfirmed guesses).")
  boolean keepFuzzy;

  @Option(names = "--strip-accelerators", description = "Remove UI accelerator markers: ~Open, _File, &Save, (&F).")
  boolean stripAccelerators;

  @Option(names = "--keep-placeholder-only", description = "Keep pairs with a side made only of placeholders (%%s, {0}, $(ARG1)).")
  boolean keepPlaceholderOnly;

  @Option(names = "--keep-duplicates", description = "Keep repeated identical pairs.")
  boolean keepDuplicates;

  @Option(names = "--keep-identical", description = "Keep pairs whose source and target are the same.")
  boolean keepIdentical;

  @Option(names = "--min-length", defaultValue = "1", paramLabel = "N", description = "Fewest tokens on either side (default: ${DEFAULT-VALUE}).")
  int minLength;

  @Option(names = "--max-length", defaultValue = "250", paramLabel = "N", description = "Most tokens on either side; 0: no limit (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--max-ratio", defaultValue = "9", paramLabel = "R", description = "Largest ratio of the sides' token counts; 0: no limit (default: ${DEFAULT-VALUE}).")
  double maxRatio;

  @Option(names = "--tokenizer", defaultValue = "word", paramLabel = "SPEC", description = "Tokenizer measuring lengths (default: ${DEFAULT-VALUE}).")
  String tokenizer;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    checkHeldOutOptions();
    CorpusFormat fixed = format == null ? null : CorpusFormat.named(format);
    CleaningOptions cleaning = new CleaningOptions(stripAccelerators, !keepPlaceholderOnly, !keepDuplicates,
        !keepIdentical, minLength, maxLength, maxRatio);
    PrintWriter err = spec.commandLine().getErr();
    List<SentencePair> pairs = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    ReadOptions read = languages.readOptions(strict, keepFuzzy);
    if (fixed != null && fixed.isTwoFiles()) {
      if (files.size() != 2) {
        throw new UserError("--format " + fixed + " takes two files, the source and the target, got " + files.size());
      }
      Corpus c = fixed.readPair(files.get(0), files.get(1), read);
      report(err, files.get(0) + " + " + files.get(1) + " (" + fixed + ")", c, pairs, problems);
    } else {
      for (Path f : files) {
        CorpusFormat fmt = fixed == null ? CorpusFormat.detect(f) : fixed;
        report(err, f + " (" + fmt + ")", fmt.read(f, read), pairs, problems);
      }
    }
    DataCommand.printProblems(err, problems);
    Cleaner.Result cleaned = new Cleaner(cleaning, TokenizerSpec.parse(tokenizer).create()).clean(pairs);
    err.println("cleaning: " + cleaned.summary());
    if (cleaned.kept().isEmpty()) {
      throw new UserError("no pairs left to write");
    }
    HeldOutSplit.Parts parts = HeldOutSplit.split(cleaned.kept(), devSize, testSize, seed);
    TsvWriter.write(OutputTarget.forArgument(out, System.out), parts.train());
    StringBuilder wrote = new StringBuilder("wrote " + parts.train().size() + " pairs to " + out);
    if (devOut != null) {
      TsvWriter.write(OutputTarget.forArgument(devOut, System.out), parts.dev());
      wrote.append(", ").append(parts.dev().size()).append(" to ").append(devOut);
    }
    if (testOut != null) {
      TsvWriter.write(OutputTarget.forArgument(testOut, System.out), parts.test());
      wrote.append(", ").append(parts.test().size()).append(" to ").append(testOut);
    }
    if (devSize + testSize > 0) {
      wrote.append(" (held out with seed ").append(seed).append(')');
    }
    err.println(wrote);
    err.flush();
    return 0;
  }

  private static void report(PrintWriter err, String what, Corpus c, List<SentencePair> pairs, List<CorpusProblem> problems) {
    err.println(TerminalText.escape(what + ": " + c.summary())); // the summary quotes malformed input
    pairs.addAll(c.pairs());
    problems.addAll(c.problems());
  }

  private void checkHeldOutOptions() {
    if ((devSize > 0) != (devOut != null)) {
      throw new UserError("--dev-size and --dev-out go together");
    }
    if ((testSize > 0) != (testOut != null)) {
      throw new UserError("--test-size and --test-out go together");
    }
    List<Path> outputs = new ArrayList<>(List.of(out.toAbsolutePath().normalize()));
    for (Path p : new Path[] {devOut, testOut}) {
      if (p != null && outputs.contains(p.toAbsolutePath().normalize())) {
        throw new UserError("--out, --dev-out and --test-out must be different files");
      }
      if (p != null) {
        outputs.add(p.toAbsolutePath().normalize());
      }
    }
    for (Path f : files) {
      if (outputs.contains(f.toAbsolutePath().normalize())) {
        throw new UserError(f + " is both an input and an output");
      }
    }
  }
}

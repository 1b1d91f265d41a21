package dev.attento.seq2seq.text.bpe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: times BPE learning on a TSV corpus (both columns, i.e. a joint vocabulary), and
 * encoding and decoding every side. Prints the wall time of each of several runs (the first
 * includes JIT warm-up), for a laptop-scale answer to "is learning fast enough to do inside
 * {@code attento train}?". Run after {@code mvn -pl seq2seq -am test-compile}:
 *
 * <pre>
 *   java -cp "seq2seq/target/classes:seq2seq/target/test-classes:$(cat /tmp/cp.txt)" \
 *       dev.attento.seq2seq.text.bpe.BpeLearnSpeed /work/shared/data/libreoffice-l10n-it.en-it.tsv [MERGES] [RUNS]
 * </pre>
 *
 * (with the class path from {@code mvn -pl seq2seq dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt}). On the shared LibreOffice en→it corpus (18,433 pairs,
 * 36,866 texts) on the project's 2-core machine, 10,000 merges took 0.58–0.65 s after warm-up
 * (1.3 s in the first run), and 10,000 merges on the corpus copied three times (55,299 pairs)
 * took 0.6–0.7 s: the work grows with the distinct words, not with the text.
 */
public final class BpeLearnSpeed {

  private BpeLearnSpeed() {}

  /** Arguments: corpus TSV, merges (default 10000), runs (default 5), copies of the corpus (default 1). */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: BpeLearnSpeed CORPUS.tsv [MERGES] [RUNS] [COPIES]");
      System.exit(2);
    }
    int merges = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int copies = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<String> texts = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (int c = 0; c < copies; c++) {
      for (String line : lines) {
        texts.addAll(List.of(line.split("\t", -1)));
      }
    }
    System.out.printf(Locale.ROOT, "%d pairs, %d texts, %d merges%n", lines.size() * copies, texts.size(), merges);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      long countCpu = threads.getCurrentThreadCpuTime();
      Map<String, Long> words = new Pretokenizer().count(texts);
      long t1 = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      countCpu = cpu - countCpu;
      BpeModel model = new BpeLearner().learn(words, merges);
      long t2 = System.nanoTime();
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      BpeTokenizer tokenizer = new BpeTokenizer(dev.attento.seq2seq.text.TokenizerSpec.parse("bpe"), model);
      long pieces = 0;
      for (String text : texts) {
        List<String> p = tokenizer.tokenize(text);
        pieces += p.size();
        if (!tokenizer.detokenize(p).equals(text)) {
          throw new IllegalStateException("round trip failed: " + text);
        }
      }
      long t3 = System.nanoTime();
      System.out.printf(Locale.ROOT, "run %d: pre-tokenize and count %.2f s (%.2f s CPU; %d distinct words), learn %.2f s"
              + " (%.2f s CPU; %d merges), encode+decode all %.2f s (%d pieces)%n", run, (t1 - t0) / 1e9, countCpu / 1e9, words.size(),
          (t2 - t1) / 1e9, cpu / 1e9, model.merges().size(), (t3 - t2) / 1e9, pieces);
    }
  }
}

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
 * encoding and decoding every side. Prints the wall time (and the learning thread's CPU time) of
 * each of several runs (the first includes JIT warm-up), for a laptop-scale answer to "is learning fast enough to do inside
 * {@code attento train}?". Run after {@code mvn -pl seq2seq -am test-compile}:
 *
 * <pre>
 *   java -cp "seq2seq/target/classes:seq2seq/target/test-classes:$(cat /tmp/cp.txt)" \
 *       dev.attento.seq2seq.text.bpe.BpeLearnSpeed /work/shared/data/libreoffice-l10n-it.en-it.tsv [MERGES] [RUNS] [COPIES]
 * </pre>
 *
 * (with the class path from {@code mvn -pl seq2seq dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt}). Measured 2026-12-06 on the project's 2-core machine while
 * other jobs kept its load average near 7.5 (so wall times are inflated; thread CPU times are
 * the fairer figure), on the shared LibreOffice en→it corpus, 18,433 pairs, both sides (36,866
 * texts, 17,590 distinct words), all 10,000 merges learned (arguments {@code 10000 5}):
 *
 * <ul>
 *   <li>first run in a fresh JVM: pre-tokenize and count 1.28 s (0.58 s CPU), learn 0.72 s
 *       (0.40 s CPU), encode and decode every text 2.21 s;
 *   <li>runs 3–5, after JIT warm-up: learn 0.10–0.24 s (0.08–0.10 s CPU), pre-tokenize 0.11–0.21
 *       s, encode and decode everything 0.26–0.50 s.
 * </ul>
 *
 * With the corpus copied three times (arguments {@code 10000 3 3}: 55,299 pairs, 110,598 texts, the same
 * distinct words) the first run took 4.41 s to pre-tokenize and count (1.53 s CPU) and 0.92 s to
 * learn (0.48 s CPU): learning grows with the distinct words, not with the text. A larger
 * corpus with more words: LibreOffice's catalogues English→Italian, French, German and Spanish
 * concatenated (72,887 pairs, 145,774 texts, 44,498 distinct words; made with {@code apt-get
 * download libreoffice-l10n-fr} etc., {@code dpkg-deb -x}, and {@code attento data import
 * --source-lang en --target-lang fr --strip-accelerators …/resource/fr/LC_MESSAGES/*.mo}), load
 * average near 6: first run pre-tokenize and count 3.78 s (1.30 s CPU), learn 10,000 merges
 * 1.73 s (0.86 s CPU); third run 0.59 s and 0.70 s (0.33 s CPU).
 * {@code attento data bpe learn --size 8000} on the shared corpus
 * reported 1.8 s (reading aside) in one cold run.
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

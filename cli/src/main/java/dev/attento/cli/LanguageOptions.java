package dev.attento.cli;

import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.data.formats.CorpusFormat;
import dev.attento.seq2seq.data.formats.ReadOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --source-lang} and {@code --target-lang}, shared by every command that reads corpora. */
final class LanguageOptions {

  @Option(names = "--source-lang", paramLabel = "LANG",
      description = "Source language, e.g. en or en-US: picks the TMX side (default: the TMX header's srclang).")
  String source;

  @Option(names = "--target-lang", paramLabel = "LANG",
      description = "Target language, e.g. it: picks the TMX side; a gettext catalogue's Language must match it.")
  String target;

  /** Options to read corpora with these languages. */
  ReadOptions readOptions(boolean strict, boolean keepFuzzy) {
    return new ReadOptions(strict, source, target, keepFuzzy);
  }

  /** The pairs of a held-out corpus in any format ({@linkplain CorpusFormat#detect detected}). */
  List<SentencePair> readPairs(Path file) {
    return CorpusFormat.readDetected(file, readOptions(false, false)).pairs();
  }
}

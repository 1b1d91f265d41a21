package dev.attento.seq2seq.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads parallel corpora: a TSV file ({@code source<TAB>target[<TAB>anything]}) or two aligned
 * files with one sentence per line. A malformed line (missing tab, empty side, invalid UTF-8,
 * overlong line, aligned files of different lengths) is reported with file and line; in
 * lenient mode it is skipped and counted, in strict mode the first one is an error.
 */
public final class CorpusReader {

  private final boolean strict;

  /** A reader; {@code strict} makes the first malformed line fatal. */
  public CorpusReader(boolean strict) {
    this.strict = strict;
  }

  /** Reads a TSV corpus. */
  public Corpus readTsv(Path file) {
    CorpusBuilder corpus = new CorpusBuilder(file, strict);
    try (LineReader lines = new LineReader(file)) {
      for (LineReader.Line l; (l = lines.next()) != null; ) {
        if (l.problem() != null) {
          corpus.problem(l.number(), l.problem());
          continue;
        }
        if (l.text().isBlank()) {
          corpus.blank();
          continue;
        }
        String[] cols = l.text().split("\t", 3);
        if (cols.length < 2) {
          corpus.problem(l.number(), "missing tab between source and target");
        } else {
          addOrReport(corpus, file, file, l.number(), cols[0], cols[1]);
        }
      }
    } catch (NoSuchFileException e) {
      throw noSuchFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return corpus.build();
  }

  /** Reads two aligned files: line i of {@code sourceFile} translates to line i of {@code targetFile}. */
  public Corpus readAligned(Path sourceFile, Path targetFile) {
    CorpusBuilder corpus = new CorpusBuilder(sourceFile, strict);
    try (LineReader src = new LineReader(sourceFile); LineReader tgt = new LineReader(targetFile)) {
      while (true) {
        LineReader.Line s = src.next();
        LineReader.Line t = tgt.next();
        if (s == null && t == null) {
          break;
        }
        if (s == null || t == null) {
          Path shorter = s == null ? sourceFile : targetFile;
          long line = (s == null ? t : s).number();
          corpus.problem(new CorpusProblem(shorter, line, "file ends early: the aligned files have different line counts"));
          break;
        }
        if (s.problem() != null || t.problem() != null) {
          corpus.problem(s.problem() != null ? new CorpusProblem(sourceFile, s.number(), s.problem())
              : new CorpusProblem(targetFile, t.number(), t.problem()));
          continue;
        }
        if (s.text().isBlank() && t.text().isBlank()) {
          corpus.blank();
        } else {
          addOrReport(corpus, sourceFile, targetFile, s.number(), s.text(), t.text());
        }
      }
    } catch (NoSuchFileException e) {
      throw noSuchFile(Path.of(e.getFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return corpus.build();
  }

  private static void addOrReport(CorpusBuilder corpus, Path sourceFile, Path targetFile, long line, String source,
                                  String target) {
    String s = Segments.oneLine(source);
    String t = Segments.oneLine(target);
    if (s.isEmpty()) {
      corpus.problem(new CorpusProblem(sourceFile, line, "empty source"));
    } else if (t.isEmpty()) {
      corpus.problem(new CorpusProblem(targetFile, line, "empty target"));
    } else {
      corpus.add(s, t);
    }
  }

  /** The error for a missing corpus file, as every reader words it. */
  public static CorpusException noSuchFile(Path file) {
    return new CorpusException(file + ": no such file");
  }
}

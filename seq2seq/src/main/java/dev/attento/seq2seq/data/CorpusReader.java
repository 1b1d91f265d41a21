package dev.attento.seq2seq.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    List<SentencePair> pairs = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    long blank = 0;
    try (LineReader lines = new LineReader(file)) {
      for (LineReader.Line l; (l = lines.next()) != null; ) {
        if (l.problem() != null) {
          report(problems, new CorpusProblem(file, l.number(), l.problem()));
          continue;
        }
        if (l.text().isBlank()) {
          blank++;
          continue;
        }
        String[] cols = l.text().split("\t", -1);
        if (cols.length < 2) {
          report(problems, new CorpusProblem(file, l.number(), "missing tab between source and target"));
        } else if (cols[0].isBlank()) {
          report(problems, new CorpusProblem(file, l.number(), "empty source"));
        } else if (cols[1].isBlank()) {
          report(problems, new CorpusProblem(file, l.number(), "empty target"));
        } else {
          pairs.add(new SentencePair(cols[0].strip(), cols[1].strip()));
        }
      }
    } catch (NoSuchFileException e) {
      throw new CorpusException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return new Corpus(List.copyOf(pairs), List.copyOf(problems), blank);
  }

  /** Reads two aligned files: line i of {@code sourceFile} translates to line i of {@code targetFile}. */
  public Corpus readAligned(Path sourceFile, Path targetFile) {
    List<SentencePair> pairs = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    long blank = 0;
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
          report(problems, new CorpusProblem(shorter, line, "file ends early: the aligned files have different line counts"));
          break;
        }
        if (s.problem() != null || t.problem() != null) {
          report(problems, s.problem() != null ? new CorpusProblem(sourceFile, s.number(), s.problem())
              : new CorpusProblem(targetFile, t.number(), t.problem()));
          continue;
        }
        if (s.text().isBlank() && t.text().isBlank()) {
          blank++;
        } else if (s.text().isBlank()) {
          report(problems, new CorpusProblem(sourceFile, s.number(), "empty source"));
        } else if (t.text().isBlank()) {
          report(problems, new CorpusProblem(targetFile, t.number(), "empty target"));
        } else {
          pairs.add(new SentencePair(s.text().strip(), t.text().strip()));
        }
      }
    } catch (NoSuchFileException e) {
      throw new CorpusException(e.getFile() + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return new Corpus(List.copyOf(pairs), List.copyOf(problems), blank);
  }

  private void report(List<CorpusProblem> problems, CorpusProblem p) {
    if (strict) {
      throw new CorpusException(p.toString());
    }
    problems.add(p);
  }
}

package dev.attento.seq2seq.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what a corpus reader finds: pairs, problems (fatal at once in strict mode, so a
 * strict run stops at the first malformed line with its place), ignored entries by reason
 * and blank lines. Every reader uses one, so strictness and counting behave alike across
 * formats and only the {@link Corpus} it builds leaves the reader.
 */
public final class CorpusBuilder {

  private final Path file;
  private final boolean strict;
  private final List<SentencePair> pairs = new ArrayList<>();
  private final List<CorpusProblem> problems = new ArrayList<>();
  private final Map<String, Long> ignored = new TreeMap<>();
  private long blank;

  /** A builder for one file; {@code strict} makes the first problem a {@link CorpusException}. */
  public CorpusBuilder(Path file, boolean strict) {
    this.file = file;
    this.strict = strict;
  }

  /**
   * Adds a pair made {@linkplain Segments#oneLine one-line}, or counts it as ignored for
   * {@code emptyReason} if a side is left empty: for formats where an empty side is a normal
   * entry (an untranslated message), not a malformed line.
   */
  public void addOrIgnore(String source, String target, String emptyReason) {
    String s = Segments.oneLine(source);
    String t = Segments.oneLine(target);
    if (s.isEmpty() || t.isEmpty()) {
      ignore(emptyReason);
    } else {
      pairs.add(new SentencePair(s, t));
    }
  }

  /** Adds a pair whose sides are already {@linkplain Segments#oneLine one-line} and non-empty. */
  public void add(String source, String target) {
    pairs.add(new SentencePair(source, target));
  }

  /** Reports a malformed line or entry of this builder's file. */
  public void problem(long line, String reason) {
    problem(new CorpusProblem(file, line, reason));
  }

  /** Reports a malformed line or entry, possibly of another file (aligned corpora read two). */
  public void problem(CorpusProblem p) {
    if (strict) {
      throw new CorpusException(p.toString());
    }
    problems.add(p);
  }

  /** Counts a well-formed entry that is not a usable pair, e.g. "untranslated". */
  public void ignore(String reason) {
    ignored.merge(reason, 1L, Long::sum);
  }

  /** Counts a blank line. */
  public void blank() {
    blank++;
  }

  /** The corpus read so far. */
  public Corpus build() {
    return new Corpus(pairs, problems, blank, ignored);
  }
}

package dev.attento.cli;

import dev.attento.seq2seq.data.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain UTF-8 text files read line by line for commands that take whole texts rather than a
 * corpus ({@code data bpe}, {@code eval --hyp/--ref}): through the corpus readers'
 * {@link LineReader}, so a line is never held beyond {@link LineReader#MAX_LINE_BYTES} and a
 * binary file (a NUL byte) is refused at once. Where a corpus reader may skip a bad line, these
 * commands cannot (their output is aligned with their input), so the first bad line is an
 * error naming the file and line.
 */
final class PlainTextFiles {

  /** What is done with each line. */
  @FunctionalInterface
  interface LineAction {
    void accept(String line);
  }

  private PlainTextFiles() {}

  /**
   * Reads {@code file} (or standard input if null, which stays open) as UTF-8 lines
   * ({@code \n} or {@code \r\n} ends one).
   *
   * @throws UserError for a missing file, a line that is not UTF-8 or is too long
   * @throws dev.attento.seq2seq.data.CorpusException for binary data
   */
  static void forEachLine(Path file, LineAction action) {
    String name = file == null ? "standard input" : file.toString();
    if (file != null && !Files.exists(file)) {
      throw new UserError(file + ": no such file");
    }
    try (LineReader lines = new LineReader(file == null ? new KeptOpen(System.in) : Files.newInputStream(file), name)) {
      for (LineReader.Line line; (line = lines.next()) != null; ) {
        if (line.problem() != null) {
          throw new UserError(name + ":" + line.number() + ": " + line.problem());
        }
        action.accept(line.text());
      }
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /** All lines of {@code file}, as {@link #forEachLine} reads them. */
  static List<String> readLines(Path file) {
    List<String> lines = new ArrayList<>();
    forEachLine(file, lines::add);
    return lines;
  }

  /** Standard input, left open when the reader is closed: it is the process's, not ours. */
  private static final class KeptOpen extends java.io.FilterInputStream {
    KeptOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}

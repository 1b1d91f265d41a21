package dev.attento.seq2seq.data;

import java.nio.file.Path;

/**
 * A line of a corpus that could not be used.
 *
 * @param file the file
 * @param line 1-based line number
 * @param reason what is wrong, e.g. "missing tab"
 */
public record CorpusProblem(Path file, long line, String reason) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}

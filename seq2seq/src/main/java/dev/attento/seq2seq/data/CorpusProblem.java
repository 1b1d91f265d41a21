package dev.attento.seq2seq.data;

import java.nio.file.Path;

/**
 * A line or entry of a corpus that could not be used.
 *
 * @param file the file
 * @param line 1-based line number, or 0 for binary formats (the reason then says where)
 * @param reason what is wrong, e.g. "missing tab"
 */
public record CorpusProblem(Path file, long line, String reason) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}

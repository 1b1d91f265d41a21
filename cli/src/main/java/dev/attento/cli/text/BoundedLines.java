package dev.attento.cli.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line, holding at most {@code maxChars} characters of a line: a longer
 * line is read past and discarded, never built in memory, and reported as {@link Line#tooLong}.
 * Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
public final class BoundedLines implements AutoCloseable {

  /**
   * One line of the input.
   *
   * @param number its number, from 1
   * @param text its text, or null when it was too long
   * @param length its length in characters (also of a too-long line)
   */
  public record Line(long number, String text, long length) {

    /** Whether the line was longer than the limit (and {@link #text} is null). */
    public boolean tooLong() {
      return text == null;
    }
  }

  private final BufferedReader in;
  private final int maxChars;
  private final StringBuilder line = new StringBuilder();
  private long number;

  /** Lines of {@code in}, each kept only up to {@code maxChars} characters. */
  public BoundedLines(Reader in, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("the line limit must be at least 1 character, not " + maxChars);
    }
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    line.setLength(0);
    long length = 0;
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      length++;
      if (length <= maxChars + 1L) {
        line.append((char) c); // one more than the limit, to see a \r before the \n
      }
    }
    if (c == -1 && length == 0) {
      return null;
    }
    number++;
    if (c == '\n' && length > 0 && line.charAt(line.length() - 1) == '\r' && length <= maxChars + 1L) {
      line.setLength(line.length() - 1);
      length--;
    }
    return length > maxChars ? new Line(number, null, length) : new Line(number, line.toString(), length);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.attento.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a parser on hostile input and fails the test unless it behaves: it must return or
 * throw its own typed error within a time limit (an endless loop fails instead of hanging
 * the build), and must not allocate far more than the input could justify (a size read from
 * a header and trusted would, long before it hits an {@link OutOfMemoryError} on a large test
 * heap). Anything else escaping (an {@code ArrayIndexOutOfBoundsException}, a
 * {@code NullPointerException}, a {@code NumberFormatException}, a {@code StackOverflowError})
 * is a bug and fails the test with the cause attached.
 */
public final class Hostile {

  /** How long one parse may take: generous, since a busy 2-core CI machine is slow. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  /** Allocation allowed beyond a multiple of the input: parser set-up, buffers, JIT. */
  public static final long BASE_ALLOCATION = 64L << 20;

  /** Allocation allowed per byte of input. */
  public static final long ALLOCATION_PER_BYTE = 64;

  private Hostile() {}

  /** A parser of a file. */
  @FunctionalInterface
  public interface FileParser<T> {
    /** Parses {@code file}. */
    T parse(Path file) throws Exception;
  }

  /**
   * What the parser did: returned {@code value}, or threw the expected typed {@code error}.
   *
   * @param value the result, null if the parser threw
   * @param error the typed error, null if the parser returned
   */
  public record Outcome<T>(T value, RuntimeException error) {}

  /**
   * Writes {@code content} to a temporary file with the given suffix and parses it.
   *
   * @param typed the parser's own error type; any other throwable fails the test
   */
  public static <T> Outcome<T> parseFile(byte[] content, String suffix, Class<? extends RuntimeException> typed,
                                         FileParser<T> parser) {
    Path file;
    try {
      file = Files.createTempFile("hostile-", suffix);
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return parse(content.length, typed, () -> parser.parse(file));
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is no reason to fail the property
      }
    }
  }

  /** Parses an input of {@code inputBytes} bytes with {@code parser}; see the class comment. */
  public static <T> Outcome<T> parse(long inputBytes, Class<? extends RuntimeException> typed,
                                     java.util.concurrent.Callable<T> parser) {
    return parse(inputBytes, TIME_LIMIT, typed, parser);
  }

  /** As {@link #parse(long, Class, java.util.concurrent.Callable)}, with another time limit. */
  static <T> Outcome<T> parse(long inputBytes, Duration limit, Class<? extends RuntimeException> typed,
                              java.util.concurrent.Callable<T> parser) {
    long budget = BASE_ALLOCATION + ALLOCATION_PER_BYTE * inputBytes;
    return assertTimeoutPreemptively(limit, () -> {
      long before = allocatedBytes();
      Outcome<T> outcome;
      try {
        outcome = new Outcome<>(parser.call(), null);
      } catch (Throwable t) {
        if (!typed.isInstance(t)) {
          fail("escaped " + t.getClass().getName() + " instead of " + typed.getSimpleName() + ": " + t.getMessage(), t);
        }
        if (t.getMessage() == null || t.getMessage().isBlank()) {
          fail(typed.getSimpleName() + " without a message", t);
        }
        outcome = new Outcome<>(null, typed.cast(t));
      }
      long used = allocatedBytes() - before;
      if (used > budget) {
        fail("allocated " + used + " bytes for a " + inputBytes + "-byte input (budget " + budget + ")");
      }
      return outcome;
    }, () -> "no result within " + limit.toMillis() + " ms: an endless loop?");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}

package dev.attento.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Lines longer than the limit are read past, not kept. */
class BoundedLinesTest {

  @Test
  void aLongLineIsReportedAndTheNextLinesStillCome() throws Exception {
    try (BoundedLines in = new BoundedLines(new StringReader("short\r\n" + "x".repeat(11) + "\nafter\nlast"), 10)) {
      assertEquals(new BoundedLines.Line(1, "short", 5), in.next());
      BoundedLines.Line longOne = in.next();
      assertTrue(longOne.tooLong());
      assertEquals(2, longOne.number());
      assertEquals(11, longOne.length());
      assertEquals("after", in.next().text());
      assertEquals(new BoundedLines.Line(4, "last", 4), in.next());
      assertNull(in.next());
    }
  }

  @Test
  void aLineOfExactlyTheLimitIsKeptAndEmptyLinesCount() throws Exception {
    try (BoundedLines in = new BoundedLines(new StringReader("0123456789\r\n\nz"), 10)) {
      assertEquals("0123456789", in.next().text());
      assertEquals(new BoundedLines.Line(2, "", 0), in.next());
      assertEquals("z", in.next().text());
      assertNull(in.next());
    }
  }

  /** 50 million characters in one line, generated as read: passes through a 100-character limit. */
  @Test
  void aHugeLineIsNeverHeldInMemory() throws Exception {
    long size = 50_000_000L;
    Reader endless = new Reader() {
      long left = size;

      @Override
      public int read(char[] buf, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(buf, off, off + n, left - n == 0 ? '\n' : 'a');
        java.util.Arrays.fill(buf, off, off + n - 1, 'a');
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };
    try (BoundedLines in = new BoundedLines(endless, 100)) {
      BoundedLines.Line line = in.next();
      assertTrue(line.tooLong());
      assertEquals(size - 1, line.length());
      assertNull(in.next());
    }
  }
}

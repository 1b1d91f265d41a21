package dev.attento.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.formats.CorpusFormat;
import dev.attento.seq2seq.data.formats.ReadOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

  @TempDir
  Path dir;

  private Path file(String name, byte[] content) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return f;
  }

  private Path file(String name, String content) throws Exception {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTsvWithBomCrlfExtraColumnsAndBlankLines() throws Exception {
    Path f = file("c.tsv", "\uFEFFone\tuno\r\n\r\ntwo\tdue\textra\n");
    Corpus c = new CorpusReader(false).readTsv(f);
    assertEquals(List.of(new SentencePair("one", "uno"), new SentencePair("two", "due")), c.pairs());
    assertEquals(1, c.blankLines());
    assertTrue(c.problems().isEmpty());
  }

  @Test
  void malformedLinesAreSkippedWithFileAndLine() throws Exception {
    byte[] bad = {'b', 'a', 'd', '\t', (byte) 0xC3, (byte) 0x28, '\n'};
    byte[] text = ("ok\tbene\nno tab here\n\tempty source\nempty target\t \n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[text.length + bad.length];
    System.arraycopy(text, 0, all, 0, text.length);
    System.arraycopy(bad, 0, all, text.length, bad.length);
    Path f = file("m.tsv", all);
    Corpus c = new CorpusReader(false).readTsv(f);
    assertEquals(1, c.pairs().size());
    assertEquals(List.of(f + ":2: missing tab between source and target", f + ":3: empty source",
        f + ":4: empty target", f + ":5: invalid UTF-8"), c.problems().stream().map(Object::toString).toList());
    assertTrue(c.summary().startsWith("1 pairs; skipped 4 malformed line(s)"), c.summary());
    assertTrue(c.summary().endsWith(", the first at " + f + ":2"), "the summary says where to look: " + c.summary());
  }

  @Test
  void strictModeStopsAtTheFirstProblem() throws Exception {
    Path f = file("s.tsv", "ok\tbene\nbroken\n");
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader(true).readTsv(f));
    assertEquals(f + ":2: missing tab between source and target", e.getMessage());
  }

  @Test
  void emptyFilesAndMissingFiles() throws Exception {
    assertEquals(0, new CorpusReader(false).readTsv(file("e.tsv", "")).pairs().size());
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader(false).readTsv(dir.resolve("no.tsv")));
    assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
  }

  @Test
  void overlongLinesAreReportedNotLoaded() throws Exception {
    byte[] big = new byte[LineReader.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    big[5] = '\t';
    Corpus c = new CorpusReader(false).readTsv(file("big.tsv", big));
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).reason().contains("longer than"), c.problems().toString());
  }

  @Test
  void aNulByteIsBinaryDataAndStopsTheReadWithFileAndLineEvenWhenLenient() throws Exception {
    Path f = file("model.tsv", "ok\tbene\nfine\tbene\nPK\u0003\u0004\u0000\u0000junk\n");
    CorpusException e = assertThrows(CorpusException.class, () -> new CorpusReader(false).readTsv(f));
    assertEquals(f + ":3: a NUL byte: binary data or UTF-16, not a UTF-8 text file", e.getMessage());
    Path utf16 = file("utf16.tsv", "one\tuno\n".getBytes(StandardCharsets.UTF_16LE));
    assertTrue(assertThrows(CorpusException.class, () -> new CorpusReader(false).readTsv(utf16)).getMessage()
        .startsWith(utf16 + ":1: a NUL byte"));
  }

  @Test
  void anEndlessStreamOfZerosIsRefusedAfterItsFirstBuffer() throws Exception {
    // /dev/zero as a corpus: one endless line. Before, it was read (1 MiB kept) until a signal.
    long[] read = {0};
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        read[0]++;
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        read[0] += len;
        Arrays.fill(b, off, off + len, (byte) 0);
        return len;
      }
    };
    try (LineReader lines = new LineReader(zeros, "/dev/zero")) {
      CorpusException e = assertThrows(CorpusException.class, lines::next);
      assertEquals("/dev/zero:1: a NUL byte: binary data or UTF-16, not a UTF-8 text file", e.getMessage());
    }
    assertTrue(read[0] <= 1 << 16, "read no more than one buffer: " + read[0]);
    Path devZero = Path.of("/dev/zero");
    if (Files.exists(devZero)) {
      assertThrows(CorpusException.class, () -> CorpusFormat.readDetected(devZero, ReadOptions.lenient()));
    }
  }

  @Test
  void alignedFilesPairLineByLineAndDetectDifferentLengths() throws Exception {
    Path src = file("a.en", "one\ntwo\nthree\n");
    Path tgt = file("a.it", "uno\ndue\n");
    Corpus c = new CorpusReader(false).readAligned(src, tgt);
    assertEquals(2, c.pairs().size());
    assertEquals(tgt + ":3: file ends early: the aligned files have different line counts", c.problems().get(0).toString());
  }
}

package dev.attento.seq2seq.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.Corpus;
import dev.attento.seq2seq.data.CorpusException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoReaderTest {

  @TempDir
  Path dir;

  private static Corpus read(Path file) {
    return new MoReader(ReadOptions.lenient()).read(file);
  }

  @Test
  void bothByteOrdersHoldTheCataloguesTranslatedMessages() {
    for (String name : List.of("sample-le.mo", "sample-be.mo")) {
      Corpus c = read(Fixtures.path(name));
      assertEquals(new HashSet<>(Fixtures.PO_PAIRS), new HashSet<>(c.pairs()), name);
      assertEquals(Fixtures.PO_PAIRS.size(), c.pairs().size(), name);
      assertTrue(c.problems().isEmpty() && c.ignored().isEmpty(), name);
    }
  }

  @Test
  void anotherLanguageThanTheTargetIsAnError() {
    CorpusException e = assertThrows(CorpusException.class,
        () -> new MoReader(new ReadOptions(false, null, "fr", false)).read(Fixtures.path("sample-be.mo")));
    assertTrue(e.getMessage().endsWith("sample-be.mo: the catalogue translates into 'it' (its Language header), not 'fr'"),
        e.getMessage());
  }

  /** The little-endian sample with one 32-bit field changed. */
  private Path patched(int offset, int value) throws Exception {
    return patched(b -> b.putInt(offset, value));
  }

  private Path patched(Consumer<ByteBuffer> change) throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.path("sample-le.mo"));
    change.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    return Files.write(dir.resolve("p.mo"), bytes);
  }

  private static String error(Path file) {
    return assertThrows(CorpusException.class, () -> read(file)).getMessage();
  }

  @Test
  void corruptFilesAreTypedErrorsSayingWhatIsWrong() throws Exception {
    int originals = 0x1c;
    int firstString = 0x120;
    assertEquals(dir.resolve("p.mo") + ": not a .mo file (magic number 0x12345678, expected 0x950412de in either byte order)",
        error(patched(0, 0x12345678)));
    assertTrue(error(patched(4, 2 << 16)).endsWith("corrupt .mo file: unsupported revision 2.0 (0.x and 1.x are known)"));
    assertTrue(error(patched(8, 0x7fffffff)).endsWith(
        "corrupt .mo file: the original table of 2147483647 messages at offset 28 runs past the end of the 966-byte file"));
    assertTrue(error(patched(16, -1)).contains("the translation table of 12 messages at offset 4294967295 runs past"));
    assertTrue(error(patched(originals + 4, 5000)).endsWith(
        "corrupt .mo file: message 1's original (0 bytes at offset 5000) runs past the end of the 966-byte file"));
    assertTrue(error(patched(originals + 8, 900)).contains("message 2's original (900 bytes at offset"));
    assertTrue(error(patched(originals + 8, 1)).endsWith("message 2's original at offset " + (firstString + 1)
        + " is not NUL-terminated"), "a length that stops inside a string");
    Path overlapping = patched(b -> {
      for (int i = 0; i < 12; i++) { // every original is the same 300-byte run of the file
        b.putInt(originals + 8 * i, 300);
        b.putInt(originals + 8 * i + 4, 0);
        b.put(300, (byte) 0);
        b.put(600, (byte) 0);
      }
    });
    assertTrue(error(overlapping).contains("more than the file holds (overlapping strings)"), error(overlapping));
    Path tiny = Files.write(dir.resolve("tiny.mo"), new byte[] {(byte) 0xde, 0x12, 0x04, (byte) 0x95});
    assertEquals(tiny + ": corrupt .mo file: the file is 4 bytes, shorter than the 28-byte header", error(tiny));
  }

  @Test
  void undecodableMessagesAreProblemsNotErrors() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.path("sample-le.mo"));
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int translations = b.getInt(16);
    int offset = b.getInt(translations + 8 * 3 + 4); // the fourth message's translation
    bytes[offset] = (byte) 0xC3;
    bytes[offset + 1] = (byte) 0x28;
    Corpus c = read(Files.write(dir.resolve("bad.mo"), bytes));
    assertEquals(Fixtures.PO_PAIRS.size() - 1, c.pairs().size());
    assertEquals(List.of(dir.resolve("bad.mo") + ": message 4: invalid UTF-8"), c.problems().stream().map(Object::toString).toList());
    assertEquals(Map.of(), c.ignored());
  }
}

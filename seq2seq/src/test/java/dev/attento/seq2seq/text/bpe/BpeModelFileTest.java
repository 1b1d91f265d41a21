package dev.attento.seq2seq.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.text.TokenizerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeModelFileTest {

  private static final BpeTokenizer TOKENIZER = BpeTokenizer.learn(TokenizerSpec.parse("bpe:300"),
      List.of("open the file", "close the file", "open the folder", "save the files", "è così"));

  @TempDir
  Path dir;

  @Test
  void savesAndLoadsTheSameTokenizer() throws Exception {
    Path file = dir.resolve("model.bpe");
    TOKENIZER.save(file);
    List<String> lines = Files.readAllLines(file);
    assertEquals("attento-bpe 1", lines.get(0));
    assertEquals("tokenizer bpe:300", lines.get(1));
    assertTrue(lines.contains("char ▁") && lines.contains("char è"), lines.toString());
    assertTrue(lines.get(lines.size() - 1).matches("end sha256 [0-9a-f]{64}"), lines.get(lines.size() - 1));
    BpeTokenizer loaded = BpeTokenizer.load(file);
    assertEquals(TOKENIZER.model(), loaded.model());
    assertEquals(TOKENIZER.spec(), loaded.spec());
    assertEquals(TOKENIZER.vocabulary().tokens(), loaded.vocabulary().tokens());
    assertEquals(TOKENIZER.tokenize("save the folder"), loaded.tokenize("save the folder"));
  }

  @Test
  void anyFlippedByteIsOneClearError() throws Exception {
    Path file = dir.resolve("model.bpe");
    TOKENIZER.save(file);
    byte[] good = Files.readAllBytes(file);
    Path bad = dir.resolve("bad.bpe");
    for (int i = 0; i < good.length; i++) {
      byte[] damaged = good.clone();
      damaged[i] ^= 0x01;
      Files.write(bad, damaged);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.load(bad), "byte " + i);
      assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    // A flip in the merges is caught by the checksum:
    int merge = new String(good, StandardCharsets.UTF_8).indexOf("merge ") + 6;
    byte[] damaged = good.clone();
    damaged[merge] ^= 0x01;
    Files.write(bad, damaged);
    assertEquals(bad + ": BPE model is corrupt: its SHA-256 checksum does not match (the file was damaged or edited)",
        assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.load(bad)).getMessage());
  }

  @Test
  void otherFilesAndTruncatedModelsAreRefused() throws Exception {
    Path file = dir.resolve("model.bpe");
    TOKENIZER.save(file);
    String text = Files.readString(file);
    Path other = Files.writeString(dir.resolve("other.txt"), "hello\tciao\n");
    assertEquals(other + ": not an Attento BPE model (the first line must be 'attento-bpe 1')",
        assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.load(other)).getMessage());
    Path truncated = Files.writeString(dir.resolve("truncated.bpe"), text.substring(0, text.length() / 2));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.load(truncated)).getMessage()
        .startsWith(truncated + ": BPE model is truncated or damaged"));
    Path newer = Files.writeString(dir.resolve("newer.bpe"), text.replaceFirst("attento-bpe 1", "attento-bpe 2"));
    assertEquals(newer + ": BPE model format '2' is not supported (this version of Attento reads format 1)",
        assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.load(newer)).getMessage());
  }

  @Test
  void neverReplacesALink() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("link.bpe"), target);
    assertThrows(IllegalArgumentException.class, () -> TOKENIZER.save(link));
    assertEquals("keep me", Files.readString(target));
  }
}

package dev.attento.seq2seq.text.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every line of a real corpus (the LibreOffice en→it slice in {@code resources/corpus}) comes
 * back byte for byte after encoding and decoding, with no piece outside the vocabulary, using
 * merges learned jointly from the first half only (so the second half has unseen words and
 * characters).
 */
class BpeCorpusRoundTripTest {

  static final Path CORPUS = Path.of("src", "test", "resources", "corpus", "libreoffice-en-it-slice.tsv");

  private static List<byte[]> lines;
  private static BpeTokenizer tokenizer;

  @BeforeAll
  static void learnOnTheFirstHalf() throws IOException {
    lines = splitLines(Files.readAllBytes(CORPUS));
    List<String> texts = new ArrayList<>();
    for (byte[] line : lines.subList(0, lines.size() / 2)) {
      texts.addAll(List.of(new String(line, StandardCharsets.UTF_8).split("\t", -1)));
    }
    tokenizer = BpeTokenizer.learn(TokenizerSpec.parse("bpe:4000"), texts);
  }

  private static List<byte[]> splitLines(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(file, start, i));
        start = i + 1;
      }
    }
    return out;
  }

  @Test
  void everyLineRoundTripsByteForByte() {
    assertEquals(6145, lines.size());
    Vocabulary vocabulary = tokenizer.vocabulary();
    long pieces = 0;
    long bytePieces = 0;
    for (byte[] line : lines) {
      String text = new String(line, StandardCharsets.UTF_8);
      for (String side : text.split("\t", -1)) {
        List<String> p = tokenizer.tokenize(side);
        assertArrayEquals(side.getBytes(StandardCharsets.UTF_8), tokenizer.detokenize(p).getBytes(StandardCharsets.UTF_8), side);
        for (String piece : p) {
          assertNotEquals(SpecialTokens.UNK, vocabulary.id(piece), piece);
          bytePieces += Pieces.byteValue(piece) >= 0 ? 1 : 0;
        }
        pieces += p.size();
      }
      // The whole line too: its tab is written as a byte piece and restored.
      assertArrayEquals(line, tokenizer.detokenize(tokenizer.tokenize(text)).getBytes(StandardCharsets.UTF_8), text);
    }
    assertTrue(bytePieces > 0 && bytePieces < pieces / 100, "unseen characters are rare but present: " + bytePieces + " of " + pieces);
  }

  @Test
  void theVocabularyIsFilledAndWordsBecomeFewPieces() {
    assertEquals(4000, tokenizer.vocabulary().size());
    assertEquals(List.of("▁Insert", "▁the", "▁selected", "▁cells", "."), tokenizer.tokenize("Insert the selected cells."));
  }
}

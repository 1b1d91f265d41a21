package dev.attento.seq2seq.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpeTokenizerTest {

  private static final List<String> TEXTS = List.of(
      "Insert the lower row", "Insert the newest row", "The lowest row is the widest",
      "Delete the newest rows", "Insert rows", "the lower rows");

  private static final BpeTokenizer TOKENIZER = BpeTokenizer.learn(TokenizerSpec.parse("bpe:300"), TEXTS);

  @Test
  void encodesWithTheLearnedMergesInRankOrder() {
    BpeModel model = new BpeModel(List.of("d", "e", "i", "l", "n", "o", "r", "s", "t", "w"), List.of(
        new Merge("e", "s"), new Merge("es", "t"), new Merge("l", "o"), new Merge("lo", "w")));
    List<String> pieces = new java.util.ArrayList<>();
    new BpeEncoder(model).encode("lowest", pieces);
    assertEquals(List.of("low", "est"), pieces, "l o w e s t → l o w es t → l o w est → lo w est → low est");
  }

  @Test
  void marksSpacesSentencePieceStyleAndSplitsAtLuceneWords() {
    List<String> pieces = TOKENIZER.tokenize("Insert the lower row");
    assertEquals(String.join("", pieces), "▁Insert▁the▁lower▁row", "frequent words are whole pieces: " + pieces);
    assertEquals(List.of("▁Insert", "▁the", "▁lower", "▁row"), pieces);
    assertEquals(List.of("▁Insert", "▁", "<0x28>", "row", "s", "<0x29>"), TOKENIZER.tokenize("Insert (rows)"),
        "( and rows are Lucene tokens of their own, so no piece spans them; the unseen ( and ) are bytes");
  }

  @Test
  void unseenCharactersFallBackToBytesNeverToUnk() {
    Vocabulary vocabulary = TOKENIZER.vocabulary();
    String text = "Insert 🙂 and 日本語, the naïve row™";
    List<String> pieces = TOKENIZER.tokenize(text);
    for (String p : pieces) {
      assertNotEquals(SpecialTokens.UNK, vocabulary.id(p), p + " is in the vocabulary");
    }
    String emoji = String.join(" ", TOKENIZER.tokenize("🙂"));
    assertEquals("▁ <0xF0> <0x9F> <0x99> <0x82>", emoji);
    assertEquals("▁ <0xE6> <0x97> <0xA5>", String.join(" ", TOKENIZER.tokenize("日")));
    assertEquals(text, TOKENIZER.detokenize(pieces));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "  two  spaces  ", "tab\there", "line\nbreak\r\n", "\tleading tab",
      "a literal ▁ mark", "▁", "<0x41> is text, as are <unk> and <s>", "Insert as (read-only): %1 $(ARG1)!",
      "don't l'area dell'intervallo…", "trailing space ", "\u00a0non-breaking\u3000ideographic", "e\u0301 combining"})
  void detokenizationRestoresTheTextExactly(String text) {
    List<String> pieces = TOKENIZER.tokenize(text);
    assertEquals(text, TOKENIZER.detokenize(pieces), String.join(" ", pieces));
    for (String p : pieces) {
      assertTrue(!p.isEmpty() && p.codePoints().noneMatch(Character::isWhitespace), "no whitespace in piece '" + p + "'");
      assertNotEquals(SpecialTokens.UNK, TOKENIZER.vocabulary().id(p), p);
    }
  }

  @Test
  void theVocabularyHoldsSpecialsBytesAlphabetAndMergesWithinTheSize() {
    Vocabulary v = TOKENIZER.vocabulary();
    assertEquals(SpecialTokens.TEXTS, v.tokens().subList(0, 4));
    assertEquals("<0x00>", v.token(4));
    assertEquals("<0xFF>", v.token(259));
    assertEquals(TOKENIZER.model().alphabet().get(0), v.token(260));
    assertTrue(v.size() <= 300, "at most the spec's size: " + v.size());
    assertEquals(BpeModel.FIXED_PIECES + TOKENIZER.model().alphabet().size() + TOKENIZER.model().merges().size(), v.size(),
        "the six texts run out of pairs seen twice before the size is reached");
    BpeTokenizer exact = BpeTokenizer.learn(TokenizerSpec.parse("bpe:290"), TEXTS);
    assertEquals(290, exact.vocabulary().size(), "with pairs to spare, the merges fill the size");
  }

  @Test
  void jointAndSeparateVocabulariesComeFromWhatIsLearned() {
    List<String> english = List.of("open the file", "close the file", "open the window");
    List<String> italian = List.of("apri il file", "chiudi il file", "apri la finestra");
    BpeTokenizer joint = BpeTokenizer.learn(TokenizerSpec.parse("bpe:400"), concat(english, italian));
    BpeTokenizer source = BpeTokenizer.learn(TokenizerSpec.parse("bpe:400"), english);
    assertTrue(joint.vocabulary().tokens().contains("▁file"), "shared word learned once");
    assertTrue(joint.model().alphabet().contains("u") && !source.model().alphabet().contains("u"),
        "only the joint model saw Italian's u");
    assertEquals("chiudi la finestra", source.detokenize(source.tokenize("chiudi la finestra")), "still encodes the other side");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Test
  void aSizeTooSmallForTheAlphabetIsOneClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BpeTokenizer.learn(TokenizerSpec.parse("bpe:270"), TEXTS));
    assertTrue(e.getMessage().startsWith("BPE size 270 is too small for the alphabet"), e.getMessage());
    assertTrue(e.getMessage().contains("use at least bpe:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.learn(TokenizerSpec.parse("bpe"), List.of("")));
    assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.learn(TokenizerSpec.parse("word"), TEXTS));
  }

  @Test
  void pretokenizerWordsPartitionTheTextWithADummyPrefix() {
    Pretokenizer p = new Pretokenizer();
    assertEquals(List.of(" Insert", " as", " (", "read", "-", "only", ")", ":", "  %1", "\t", "x", " "),
        p.words("Insert as (read-only):  %1\tx "));
    assertEquals(List.of(), p.words(""));
    assertEquals(Map.of(" a", 2L, " b", 1L), p.count(List.of("a", "a b")));
  }
}

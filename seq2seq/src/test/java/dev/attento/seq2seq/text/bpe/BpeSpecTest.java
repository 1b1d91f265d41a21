package dev.attento.seq2seq.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.text.SpecialTokens;
import dev.attento.seq2seq.text.TokenizerSpec;
import dev.attento.seq2seq.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bpe} in {@link TokenizerSpec}, and {@link Vocabulary#of}. */
class BpeSpecTest {

  @Test
  void parsesBpeWithAndWithoutSize() {
    TokenizerSpec plain = TokenizerSpec.parse("bpe");
    assertEquals("bpe", plain.type());
    assertEquals(TokenizerSpec.DEFAULT_BPE_SIZE, plain.bpeSize());
    assertEquals(8000, plain.bpeSize());
    assertEquals("bpe:8000", plain.toString());
    assertTrue(plain.needsTraining());
    TokenizerSpec sized = TokenizerSpec.parse(" BPE:500 ");
    assertEquals(500, sized.bpeSize());
    assertEquals(sized, TokenizerSpec.parse(sized.toString()));
    assertFalse(TokenizerSpec.parse("word:lowercase").needsTraining());
    assertEquals(0, TokenizerSpec.parse("char").bpeSize());
    assertEquals("word:lowercase", TokenizerSpec.parse("word:lowercase").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpe:abc", "bpe:0", "bpe:-5", "bpe:8000,join", "bpe:1.5", "bpe:99999999999"})
  void badSizesAreOneClearError(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse(spec));
    assertTrue(e.getMessage().startsWith("bpe size must be a positive whole number (the vocabulary size), e.g. bpe:8000; got '"),
        e.getMessage());
  }

  @Test
  void unknownTypesNameBpeAmongTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("bpee"));
    assertEquals("unknown tokenizer 'bpee'; use char, word[:lowercase,fold,elision,join] or bpe[:SIZE]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TokenizerSpec("word", List.of(), 100));
  }

  @Test
  void bpeCannotBeCreatedWithoutAModel() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("bpe:500").create());
    assertTrue(e.getMessage().startsWith("the bpe:500 tokenizer must be learned from the training texts"), e.getMessage());
  }

  @Test
  void vocabularyOfTokensKeepsTheSpecialsFirst() {
    Vocabulary v = Vocabulary.of(List.of("a", "b"));
    assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "a", "b"), v.tokens());
    assertEquals(5, v.id("b"));
    assertEquals(SpecialTokens.UNK, v.id("c"));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a")));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<s>")));
  }
}

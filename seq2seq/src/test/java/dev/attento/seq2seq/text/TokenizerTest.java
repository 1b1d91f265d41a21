package dev.attento.seq2seq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

  @TempDir
  Path dir;

  @Test
  void charTokensRoundTripExactly() {
    Tokenizer t = TokenizerSpec.parse("char").create();
    assertEquals(List.of("a", "▁", "é", "🙂"), t.tokenize("a é🙂"));
    assertEquals("a é🙂", t.detokenize(t.tokenize("a é🙂")));
  }

  @Test
  void wordTokensKeepPunctuationAndPlaceholders() {
    Tokenizer t = TokenizerSpec.parse("word").create();
    assertEquals(List.of("Column", "%COLUMNNUMBER", "(", "of", "$(ARG1)", ")", ":", "3.5", "%", "!"),
        t.tokenize("Column %COLUMNNUMBER (of $(ARG1)): 3.5 %!"));
  }

  @Test
  void elisionSplitsItalianArticlesAndDetokenizationUndoesIt() {
    Tokenizer t = TokenizerSpec.parse("word:elision").create();
    assertEquals(List.of("Imposta", "l'", "area", "dell'", "intervallo", "."), t.tokenize("Imposta l'area dell'intervallo."));
    assertEquals("Imposta l'area dell'intervallo.", t.detokenize(t.tokenize("Imposta l'area dell'intervallo.")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Please press enter to go into child control for more operations",
      "Inserisci un valore di spostamento per la Linea 1.",
      "Restituisce il numero delle permutazioni (senza ripetizioni).",
      "Non riesci a trovare quello che vuoi con la funzione CERCA.VERT in Calc?"})
  void realSentencesRoundTrip(String sentence) {
    Tokenizer t = TokenizerSpec.parse("word:elision").create();
    assertEquals(sentence, t.detokenize(t.tokenize(sentence)));
  }

  @Test
  void joinMarksWhereTokensTouched() {
    Tokenizer t = TokenizerSpec.parse("word:join").create();
    assertEquals(List.of("Insert", "as", "(￭", "read", "￭-￭", "only", "￭)"), t.tokenize("Insert as (read-only)"));
    assertEquals(List.of("Vista", "3", "￭D", ":", "%1"), t.tokenize("Vista 3D : %1"));
    assertEquals(List.of("'￭", "XX", "￭'", "-", "Serie", "￭%NUMBER"), t.tokenize("'XX' - Serie%NUMBER"));
    assertEquals(List.of("Open", "￭.", "￭.", "￭."), t.tokenize("Open..."));
    assertEquals(List.of("l'￭", "area"), TokenizerSpec.parse("word:elision,join").create().tokenize("l'area"));
    assertEquals(List.of("a", "b"), t.tokenize("a ￭b"), "a joiner in the input is not a mark");
    assertEquals("word:join", t.spec().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<Press 'Add' to create language resources>",
      "Riferimento a 'XX' non possibile.",
      "Puoi cambiare solo il valore della casella \"Positivo (+)\". Quel valore viene copiato nella casella \"Negativo (-)\" .",
      "Mostra/nascondi griglia orizzontale principale/principale e secondaria",
      "Negative X-Error-Bars",
      "Gestisci lingue dell'interfaccia utente [$1]",
      "2nd Y axis title",
      "Linea del valore medio con valore %AVERAGE_VALUE e deviazione standard %STD_DEVIATION",
      "Il tentativo di caricare il file ha prodotto il seguente messaggio di errore ($exceptiontype$): $errormessage$",
      "%MOD1+Maiusc+X",
      "Modello creato con <wizardname> il <currentdate>.",
      "C:\\Programmi\\ ; 0,5 ... «citazione» 100%"})
  void joinedTokensDetokenizeExactly(String sentence) {
    for (String spec : List.of("word:join", "word:elision,join")) {
      Tokenizer t = TokenizerSpec.parse(spec).create();
      assertEquals(sentence, t.detokenize(t.tokenize(sentence)), spec);
    }
  }

  @Test
  void lowercaseAndFoldingFiltersApply() {
    Tokenizer t = TokenizerSpec.parse("word:lowercase,fold").create();
    assertEquals(List.of("perche", "cosi", "?"), t.tokenize("Perché COSÌ?"));
    assertEquals("word:lowercase,fold", t.spec().toString());
  }

  @Test
  void badSpecsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("bpe").create(), "bpe must be learned");
    assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("sentencepiece"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("word:stem"));
    assertTrue(e.getMessage().contains("lowercase, fold, elision, join"), e.getMessage());
  }

  @Test
  void vocabularyIsDeterministicAndRoundTrips() throws Exception {
    List<List<String>> sents = List.of(List.of("b", "a", "c"), List.of("a", "b", "d"), List.of("a"));
    Vocabulary v = Vocabulary.build(sents, 2, 100);
    assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "a", "b"), v.tokens());
    assertEquals(SpecialTokens.UNK, v.id("zzz"));
    assertEquals(6, Vocabulary.build(sents, 1, 6).size());
    assertEquals(List.of("a", "b"), v.decode(new int[] {SpecialTokens.BOS, 4, 5, SpecialTokens.EOS, 4}));
    Path f = dir.resolve("v.json");
    v.save(f);
    assertEquals(v.tokens(), Vocabulary.load(f).tokens());
  }

  @Test
  void corruptVocabulariesAreRejectedNamingTheFile() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"format\":1,\"tokens\":[\"a\",\"b\"]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    Files.writeString(f, "{\"format\":1,\"tokens\":[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"x\",\"x\"]}");
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    Files.writeString(f, "{not json");
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
  }
}

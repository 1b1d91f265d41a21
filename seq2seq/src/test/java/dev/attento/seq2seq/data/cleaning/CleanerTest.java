package dev.attento.seq2seq.data.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.SentencePair;
import dev.attento.seq2seq.text.Placeholders;
import dev.attento.seq2seq.text.TokenizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerTest {

  private static SentencePair p(String s, String t) {
    return new SentencePair(s, t);
  }

  private static Cleaner cleaner(CleaningOptions o) {
    return new Cleaner(o, TokenizerSpec.parse("word").create());
  }

  @Test
  void eachDroppedPairIsCountedOnceUnderTheFirstReason() {
    List<SentencePair> in = List.of(
        p("Open the file", "Apri il file"),
        p("Open the file", "Apri il file"),           // duplicate
        p("%s", "%s"),                                  // placeholders (and identical)
        p("OK", "OK"),                                  // identical
        p("Hi", "Ciao a tutti voi"),                  // ratio 4 > 3
        p("one two three four five six", "uno due tre quattro cinque sei"), // too long for 5
        p("_Save", "_Salva"));
    Cleaner.Result r = cleaner(new CleaningOptions(true, true, true, true, 1, 5, 3)).clean(in);
    assertEquals(List.of(p("Open the file", "Apri il file"), p("Save", "Salva")), r.kept());
    assertEquals(Map.of("duplicate", 1, "only placeholders", 1, "identical sides", 1, "length ratio above 3", 1,
        "longer than 5 tokens", 1), r.dropped());
    assertEquals(List.of("only placeholders", "identical sides", "longer than 5 tokens", "length ratio above 3", "duplicate"),
        new ArrayList<>(r.dropped().keySet()), "in filter order");
    assertEquals("7 pairs in, 2 kept; dropped 5: only placeholders 1, identical sides 1, longer than 5 tokens 1,"
        + " length ratio above 3 1, duplicate 1; accelerators removed in 1", r.summary());
  }

  @Test
  void aCharacterTheTranslationsDoNotKeepIsNotStrippedAsAMarker() {
    List<SentencePair> in = List.of(p("_Save", "_Salva"), p("Date&Time", "Data e ora"), p("E_xit", "_Esci"));
    Cleaner.Result r = cleaner(new CleaningOptions(true, false, false, false, 0, 0, 0)).clean(in);
    assertEquals(List.of(p("Save", "Salva"), p("Date&Time", "Data e ora"), p("Exit", "Esci")), r.kept());
    assertEquals("3 pairs in, 3 kept; accelerators removed in 2; & left as text (a marker in both languages in only 0 of 1 pairs)",
        r.summary());
  }

  @Test
  void withEveryFilterOffNothingChanges() {
    List<SentencePair> in = List.of(p("%s", "%s"), p("%s", "%s"), p("_A", "_A"));
    Cleaner.Result r = cleaner(CleaningOptions.none()).clean(in);
    assertEquals(in, r.kept());
    assertEquals("3 pairs in, 3 kept", r.summary());
  }

  @Test
  void aStrippedMarkerThatLeavesASideEmptyDropsThePair() {
    Cleaner.Result r = cleaner(new CleaningOptions(true, false, false, false, 0, 0, 0)).clean(List.of(p("(&F)", "x")));
    assertEquals(Map.of("empty side", 1), r.dropped());
  }

  @Test
  void shortSidesAndBadLimits() {
    Cleaner.Result r = cleaner(new CleaningOptions(false, false, false, false, 2, 0, 0)).clean(List.of(p("Hi", "Ciao a te")));
    assertEquals(Map.of("shorter than 2 tokens", 1), r.dropped());
    assertThrows(IllegalArgumentException.class, () -> new CleaningOptions(false, false, false, false, 5, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new CleaningOptions(false, false, false, false, 0, 0, 0.5));
  }

  @Test
  void placeholdersOnlyMeansNoLetterOrDigitBesidesThem() {
    for (String only : List.of("%s", "%1", "%COLUMNNUMBER", "%PRODUCTNAME%", "$(ARG1)", "{0}", "{0}: %1", "%1$s", "%-5d",
        "%.2f %%", "(%s)", "%5.2f", "%PRODUCTNAME% %PRODUCTVERSION")) {
      assertTrue(Placeholders.onlyPlaceholders(only), only);
    }
    for (String text : List.of("Name: %s", "%d files", "plain", "", "100%", "{0} of {1} done")) {
      assertTrue(!Placeholders.onlyPlaceholders(text), text);
    }
  }
}

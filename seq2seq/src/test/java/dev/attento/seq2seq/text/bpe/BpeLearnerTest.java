package dev.attento.seq2seq.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpeLearnerTest {

  /** Sennrich et al.'s example vocabulary (without their end-of-word mark). */
  private static final Map<String, Long> WORDS = Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);

  private static List<String> joined(BpeModel model) {
    List<String> out = new ArrayList<>();
    for (Merge m : model.merges()) {
      out.add(m.left() + " " + m.right());
    }
    return out;
  }

  @Test
  void learnsTheHandCheckedMergesInOrder() {
    // Counted by hand: e s and s t both 9, the tie goes to the older left symbol (e < s);
    // l o and o w 7 (l < o); then the 6s of newest (e w, n ew, new est), the 3s of widest,
    // and the 2s of lower. Nothing is left after 12 merges: every word is one symbol.
    BpeModel model = new BpeLearner().learn(WORDS, 100);
    assertEquals(List.of("d", "e", "i", "l", "n", "o", "r", "s", "t", "w"), model.alphabet());
    assertEquals(List.of("e s", "es t", "l o", "lo w", "e w", "n ew", "new est", "d est", "i dest", "w idest",
        "e r", "low er"), joined(model));
  }

  @Test
  void stopsAtTheRequestedNumberOfMerges() {
    assertEquals(List.of("e s", "es t", "l o"), joined(new BpeLearner().learn(WORDS, 3)));
    assertEquals(List.of(), joined(new BpeLearner().learn(WORDS, 0)));
  }

  @Test
  void pairsSeenOnceAreNotMergedByDefault() {
    Map<String, Long> words = Map.of("abc", 1L, "abd", 1L);
    assertEquals(List.of("a b"), joined(new BpeLearner().learn(words, 10)));
    assertEquals(List.of("a b", "ab c", "ab d"), joined(new BpeLearner(1).learn(words, 10)));
  }

  @Test
  void wordsAreCountedWithTheirFrequency() {
    // x y occurs in one word seen 5 times; y z in two words seen once each.
    Map<String, Long> words = Map.of("xy", 5L, "yz", 1L, "yzw", 1L);
    assertEquals(List.of("x y", "y z"), joined(new BpeLearner().learn(words, 10)));
  }

  @Test
  void spacesAreMarkedAndReservedCharactersNeverMerge() {
    Map<String, Long> words = Map.of(" a\tb", 4L, "a\u2581b", 4L);
    BpeModel model = new BpeLearner().learn(words, 10);
    assertEquals(List.of("a", "b", Pieces.SPACE), model.alphabet(), "tab and a literal ▁ are left to bytes");
    assertEquals(List.of("▁ a"), joined(model));
  }

  @Test
  void repeatedRunsInAWordCountOnceEachAndMergeLeftToRight() {
    BpeModel model = new BpeLearner().learn(Map.of("aaa", 2L), 10);
    // a a occurs twice in aaa (count 4); merged left to right it leaves aa a, then aa a → aaa.
    assertEquals(List.of("a a", "aa a"), joined(model));
  }

  @Test
  void rejectsANegativeNumberOfMergesOrMinimumFrequency() {
    assertThrows(IllegalArgumentException.class, () -> new BpeLearner().learn(WORDS, -1));
    assertThrows(IllegalArgumentException.class, () -> new BpeLearner(0));
  }
}

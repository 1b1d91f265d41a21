package dev.attento.seq2seq.data.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.SentencePair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

  private static final List<SentencePair> PAIRS = pairs(100);

  private static List<SentencePair> pairs(int n) {
    List<SentencePair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new SentencePair("s" + i, "t" + i));
    }
    return out;
  }

  @Test
  void partsAreDisjointCompleteInCorpusOrderAndFixedBySeed() {
    HeldOutSplit.Parts a = HeldOutSplit.split(PAIRS, 10, 5, 42);
    assertEquals(List.of(85, 10, 5), List.of(a.train().size(), a.dev().size(), a.test().size()));
    Set<SentencePair> all = new HashSet<>(a.train());
    all.addAll(a.dev());
    all.addAll(a.test());
    assertEquals(new HashSet<>(PAIRS), all);
    for (List<SentencePair> part : List.of(a.train(), a.dev(), a.test())) {
      List<SentencePair> sorted = new ArrayList<>(part);
      sorted.sort((x, y) -> Integer.compare(PAIRS.indexOf(x), PAIRS.indexOf(y)));
      assertEquals(sorted, part, "corpus order");
    }
    assertEquals(a, HeldOutSplit.split(PAIRS, 10, 5, 42));
    assertNotEquals(a.dev(), HeldOutSplit.split(PAIRS, 10, 5, 43).dev());
    assertEquals(List.of(new SentencePair("s12", "t12"), new SentencePair("s51", "t51")),
        HeldOutSplit.split(PAIRS, 10, 5, 42).dev().subList(0, 2), "java.util.Random's sequence is specified: a golden split");
  }

  @Test
  void nothingHeldOutKeepsEverythingAndTooMuchIsAnError() {
    assertEquals(PAIRS, HeldOutSplit.split(PAIRS, 0, 0, 1).train());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.split(PAIRS, 60, 40, 1));
    assertTrue(e.getMessage().contains("none would be left for training"), e.getMessage());
  }
}

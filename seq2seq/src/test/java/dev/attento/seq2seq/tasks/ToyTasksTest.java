package dev.attento.seq2seq.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.seq2seq.data.SentencePair;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToyTasksTest {

  @ParameterizedTest
  @CsvSource({
      "0, zero, zero", "1, one, uno", "3, three, tre", "8, eight, otto", "11, eleven, undici",
      "17, seventeen, diciassette", "21, twenty-one, ventuno", "23, twenty-three, ventitré",
      "28, twenty-eight, ventotto", "33, thirty-three, trentatré", "81, eighty-one, ottantuno",
      "88, eighty-eight, ottantotto", "100, one hundred, cento", "101, one hundred one, centouno",
      "108, one hundred eight, centotto", "180, one hundred eighty, centottanta",
      "188, one hundred eighty-eight, centottantotto", "203, two hundred three, duecentotré",
      "342, three hundred forty-two, trecentoquarantadue", "1000, one thousand, mille",
      "1001, one thousand one, milleuno", "1003, one thousand three, milletré", "1100, one thousand one hundred, millecento",
      "2000, two thousand, duemila", "2023, two thousand twenty-three, duemilaventitré",
      "3000, three thousand, tremila", "10000, ten thousand, diecimila", "21000, twenty-one thousand, ventunomila",
      "23000, twenty-three thousand, ventitremila", "100000, one hundred thousand, centomila",
      "999999, nine hundred ninety-nine thousand nine hundred ninety-nine, novecentonovantanovemilanovecentonovantanove"})
  void numbersAreSpelledCorrectlyInBothLanguages(int n, String english, String italian) {
    assertEquals(english, NumbersTask.english(n));
    assertEquals(italian, NumbersTask.italian(n));
  }

  @Test
  void datesReorderAndUseTheRealWeekday() {
    assertEquals(new SentencePair("March 3, 2021", "3 marzo 2021"), DatesTask.pair(LocalDate.of(2021, 3, 3), false));
    assertEquals(new SentencePair("Wednesday, March 3, 2021", "mercoledì 3 marzo 2021"),
        DatesTask.pair(LocalDate.of(2021, 3, 3), true));
    assertEquals("1º gennaio 2024", DatesTask.pair(LocalDate.of(2024, 1, 1), false).target());
  }

  @Test
  void everyTaskIsDeterministicPerSeed() {
    for (ToyTask t : ToyTasks.all()) {
      List<SentencePair> a = t.generate(50, 7);
      assertEquals(a, t.generate(50, 7), t.name());
      assertNotEquals(a, t.generate(50, 8), t.name());
      assertEquals(50, a.size());
    }
  }

  @Test
  void symbolTasksRespectLengthsAndTransforms() {
    for (SentencePair p : SymbolSequenceTask.reverse(32, 5, 25).generate(200, 1)) {
      List<String> s = List.of(p.source().split(" "));
      assertTrue(s.size() >= 5 && s.size() <= 25, p.source());
      List<String> r = new java.util.ArrayList<>(s);
      java.util.Collections.reverse(r);
      assertEquals(String.join(" ", r), p.target());
    }
    SentencePair sorted = SymbolSequenceTask.sort(32, 5, 25).generate(1, 3).get(0);
    int[] nums = java.util.Arrays.stream(sorted.target().split(" ")).mapToInt(t -> Integer.parseInt(t.substring(1))).toArray();
    for (int i = 1; i < nums.length; i++) {
      assertTrue(nums[i - 1] <= nums[i], sorted.target());
    }
  }

  @Test
  void unknownTasksListTheAvailableOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyTasks.byName("revers"));
    assertEquals("unknown task 'revers'; available: numbers, dates, reverse, copy, sort", e.getMessage());
  }
}
